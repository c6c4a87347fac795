// One lock for the table (that part is fine), but releasing it is a plain store: philosophers
// asleep in Atomics.wait on the lock are never woken.
export class DiningPhilosophers {
  static BYTES = 4;
  private readonly lock: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.lock = new Int32Array(sab);
  }

  wantsToEat(
    _philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): void {
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) Atomics.wait(this.lock, 0, 1);
    pickLeftFork();
    pickRightFork();
    eat();
    putLeftFork();
    putRightFork();
    Atomics.store(this.lock, 0, 0);
  }
}
