/**
 * Resource ordering: every fork is a mutex (one Int32 word: 0 free, 1 taken), and every philosopher
 * takes the lower-numbered of its two forks first. A cycle of philosophers each waiting for the next
 * would need someone to hold a higher fork while waiting for a lower one, which never happens.
 */
const FORKS = 5;

export class DiningPhilosophers {
  static BYTES = 4 * FORKS;
  private readonly forks: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.forks = new Int32Array(sab, 0, FORKS);
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
    const sides = [
      { fork: left, pick: pickLeftFork, put: putLeftFork },
      { fork: right, pick: pickRightFork, put: putRightFork },
    ].sort((a, b) => a.fork - b.fork);
    for (const side of sides) {
      this.lock(side.fork);
      side.pick();
    }
    eat();
    for (const side of sides) {
      side.put();
      this.unlock(side.fork);
    }
  }

  private lock(fork: number): void {
    while (Atomics.compareExchange(this.forks, fork, 0, 1) !== 0) Atomics.wait(this.forks, fork, 1);
  }

  private unlock(fork: number): void {
    Atomics.store(this.forks, fork, 0);
    Atomics.notify(this.forks, fork, 1);
  }
}
