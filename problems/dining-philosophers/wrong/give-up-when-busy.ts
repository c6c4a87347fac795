// Avoids deadlock by never waiting: try both forks, and if one is taken, put the other back and
// skip this meal. Nobody deadlocks, but philosophers leave the table hungry.
const FORKS = 5;

export class DiningPhilosophers {
  static BYTES = 4 * FORKS;
  private readonly forks: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.forks = new Int32Array(sab);
  }

  wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): void {
    const left = philosopher;
    const right = (philosopher + 1) % FORKS;
    if (Atomics.compareExchange(this.forks, left, 0, 1) !== 0) return;
    pickLeftFork();
    if (Atomics.compareExchange(this.forks, right, 0, 1) !== 0) {
      putLeftFork();
      Atomics.store(this.forks, left, 0);
      return;
    }
    pickRightFork();
    eat();
    putLeftFork();
    putRightFork();
    Atomics.store(this.forks, right, 0);
    Atomics.store(this.forks, left, 0);
  }
}
