// The worker builds its view with new Int32Array(buffer, from, length), giving the offset in elements
// where the constructor wants bytes: a RangeError (offset not a multiple of 4) in the worker, and
// nobody listens for the worker's "error" event.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ buffer, from, to }: { buffer: SharedArrayBuffer; from: number; to: number }) => {
    new Int32Array(buffer, from, to - from).sort();
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = Math.ceil(n / workers);
  const jobs: Promise<void>[] = [];
  for (let from = 0; from < n; from += size) {
    jobs.push(
      new Promise((resolve) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", () => {
          void w.terminate();
          resolve();
        });
        w.postMessage({ buffer: data.buffer, from, to: Math.min(n, from + size) });
      }),
    );
  }
  await Promise.all(jobs);
  data.sort();
}
