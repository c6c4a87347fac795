// Written from the statement alone: the simplest thing that is correct. One lock for the whole
// table; a philosopher holds it from picking up the first fork to putting down the last, so no two
// philosophers ever hold forks at the same time, and nobody can deadlock on a single lock.
// The lock word: 0 = free, 1 = taken, 2 = taken and someone may be sleeping on it.
export class DiningPhilosophers {
  static BYTES = 4;
  word: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.word = new Int32Array(sab);
  }

  wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void,
    putLeftFork: () => void,
    putRightFork: () => void,
  ) {
    this.acquire();
    try {
      pickLeftFork();
      pickRightFork();
      eat();
      putLeftFork();
      putRightFork();
    } finally {
      this.release();
    }
  }

  acquire() {
    let c = Atomics.compareExchange(this.word, 0, 0, 1);
    if (c === 0) return;
    do {
      if (c === 2 || Atomics.compareExchange(this.word, 0, 1, 2) !== 0) Atomics.wait(this.word, 0, 2);
      c = Atomics.compareExchange(this.word, 0, 0, 2);
    } while (c !== 0);
  }

  release() {
    if (Atomics.sub(this.word, 0, 1) !== 1) {
      Atomics.store(this.word, 0, 0);
      Atomics.notify(this.word, 0, 1);
    }
  }
}
