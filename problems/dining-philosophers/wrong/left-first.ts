// The textbook deadlock: everyone picks up the left fork, then the right one. If all five pick
// up their left fork at about the same time, each waits forever for a neighbour's.
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
    this.lock(left);
    pickLeftFork();
    this.lock(right);
    pickRightFork();
    eat();
    putLeftFork();
    this.unlock(left);
    putRightFork();
    this.unlock(right);
  }

  private lock(fork: number): void {
    while (Atomics.compareExchange(this.forks, fork, 0, 1) !== 0) Atomics.wait(this.forks, fork, 1);
  }

  private unlock(fork: number): void {
    Atomics.store(this.forks, fork, 0);
    Atomics.notify(this.forks, fork);
  }
}
