// Each worker writes its rows straight into a shared result, but passes the offset in elements where
// Float64Array expects bytes: new Float64Array(sab, from * n, ...) throws a RangeError in the worker
// (offset not a multiple of 8), and nobody listens for the worker's "error" event.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Job = { a: Float64Array; b: Float64Array; c: SharedArrayBuffer; n: number; from: number; to: number };

if (!isMainThread) {
  parentPort!.on("message", ({ a, b, c, n, from, to }: Job) => {
    const rows = new Float64Array(c, from * n, (to - from) * n);
    for (let i = from; i < to; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
        rows[(i - from) * n + j] = sum;
      }
    }
    parentPort!.postMessage("done");
  });
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const c = new SharedArrayBuffer(n * n * 8);
  const per = Math.ceil(n / workers);
  const jobs: Promise<void>[] = [];
  for (let from = 0; from < n; from += per) {
    const to = Math.min(n, from + per);
    jobs.push(
      new Promise((resolve) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", () => {
          void w.terminate();
          resolve();
        });
        w.postMessage({ a, b, c, n, from, to });
      }),
    );
  }
  await Promise.all(jobs);
  return new Float64Array(c).slice();
}
