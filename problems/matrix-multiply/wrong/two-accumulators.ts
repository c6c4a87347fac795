// Unrolls the k loop with two running sums (even and odd k) "for speed": the rounding changes.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Job = { a: Float64Array; b: Float64Array; n: number; from: number; to: number };

if (!isMainThread) {
  parentPort!.on("message", ({ a, b, n, from, to }: Job) => {
    const out = new Float64Array((to - from) * n);
    for (let i = from; i < to; i++) {
      for (let j = 0; j < n; j++) {
        let even = 0;
        let odd = 0;
        let k = 0;
        for (; k + 1 < n; k += 2) {
          even += a[i * n + k] * b[k * n + j];
          odd += a[i * n + k + 1] * b[(k + 1) * n + j];
        }
        if (k < n) even += a[i * n + k] * b[k * n + j];
        out[(i - from) * n + j] = even + odd;
      }
    }
    parentPort!.postMessage(out);
  });
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const c = new Float64Array(n * n);
  const per = Math.ceil(n / workers);
  const jobs: Promise<void>[] = [];
  for (let from = 0; from < n; from += per) {
    const to = Math.min(n, from + per);
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
