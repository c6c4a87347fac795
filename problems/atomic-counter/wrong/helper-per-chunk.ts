// "Parallelise" the loop: one helper worker per chunk of 10,000 increments, then sleep until the
// helpers are done. With a large `times` this starts dozens of workers from every thread.
import { Worker, workerData } from "node:worker_threads";

const CHUNK = 10_000;

const job = workerData as { helper?: boolean; counter: Int32Array; count: number; done: Int32Array } | undefined;
if (job?.helper) {
  for (let i = 0; i < job.count; i++) Atomics.add(job.counter, 0, 1);
  Atomics.add(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

export function increment(counter: Int32Array, times: number): void {
  const done = new Int32Array(new SharedArrayBuffer(4));
  let helpers = 0;
  for (let start = 0; start < times; start += CHUNK) {
    const count = Math.min(CHUNK, times - start);
    new Worker(new URL(import.meta.url), { workerData: { helper: true, counter, count, done } });
    helpers++;
  }
  for (let d = Atomics.load(done, 0); d < helpers; d = Atomics.load(done, 0)) Atomics.wait(done, 0, d);
}
