// Splits the inner dimension k across workers and adds the partial products in the main thread:
// parallel and fast, but the additions happen in another order, so the bits differ.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Job = { a: Float64Array; b: Float64Array; n: number; k0: number; k1: number };

if (!isMainThread) {
  parentPort!.on("message", ({ a, b, n, k0, k1 }: Job) => {
    const partial = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = k0; k < k1; k++) sum += a[i * n + k] * b[k * n + j];
        partial[i * n + j] = sum;
      }
    }
    parentPort!.postMessage(partial);
  });
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const per = Math.ceil(n / workers);
  const parts: Promise<Float64Array>[] = [];
  for (let k0 = 0; k0 < n; k0 += per) {
    const k1 = Math.min(n, k0 + per);
    parts.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (p: Float64Array) => {
          void w.terminate();
          resolve(p);
        });
        w.once("error", reject);
        w.postMessage({ a, b, n, k0, k1 });
      }),
    );
  }
  const partials = await Promise.all(parts);
  const c = new Float64Array(n * n);
  for (const p of partials) for (let e = 0; e < c.length; e++) c[e] += p[e];
  return c;
}
