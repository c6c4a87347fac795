// Splits the rows correctly, but waits for each worker to finish before starting the next one.
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
  const per = Math.ceil(n / workers);
  for (let from = 0; from < n; from += per) {
    const to = Math.min(n, from + per);
    const rows = await new Promise<Float64Array>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url));
      w.once("message", (out: Float64Array) => {
        void w.terminate();
        resolve(out);
      });
      w.once("error", reject);
      w.postMessage({ a, b, n, from, to });
    });
    c.set(rows, from * n);
  }
  return c;
}
