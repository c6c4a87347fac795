// Hires a "waiter": every call starts a worker thread that hands out permission to eat, and the
// philosopher sleeps until the waiter says yes. One new thread per meal, five philosophers,
// up to sixty meals each: far more threads than the problem allows.
import { Worker } from "node:worker_threads";

const WAITER = `
  const { workerData } = require("node:worker_threads");
  const flag = new Int32Array(workerData);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
`;

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
    const permission = new SharedArrayBuffer(4);
    new Worker(WAITER, { eval: true, workerData: permission });
    Atomics.wait(new Int32Array(permission), 0, 0);
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) Atomics.wait(this.lock, 0, 1);
    pickLeftFork();
    pickRightFork();
    eat();
    putLeftFork();
    putRightFork();
    Atomics.store(this.lock, 0, 0);
    Atomics.notify(this.lock, 0);
  }
}
