// Holds the locks as briefly as possible... too briefly: the forks go back on the table before
// eat() is called, so every meal is eaten without forks.
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
    const [a, b] = [philosopher, (philosopher + 1) % FORKS].sort((x, y) => x - y);
    this.lock(a);
    this.lock(b);
    pickLeftFork();
    pickRightFork();
    putLeftFork();
    putRightFork();
    this.unlock(b);
    this.unlock(a);
    eat();
  }

  private lock(fork: number): void {
    while (Atomics.compareExchange(this.forks, fork, 0, 1) !== 0) Atomics.wait(this.forks, fork, 1);
  }

  private unlock(fork: number): void {
    Atomics.store(this.forks, fork, 0);
    Atomics.notify(this.forks, fork);
  }
}
