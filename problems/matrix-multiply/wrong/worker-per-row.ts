// One worker per row of the result, whatever `workers` says.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

if (!isMainThread) {
  const { a, b, n, i } = workerData as { a: Float64Array; b: Float64Array; n: number; i: number };
  const row = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
    row[j] = sum;
  }
  parentPort!.postMessage(row);
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const c = new Float64Array(n * n);
  await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { a, b, n, i } });
          w.once("message", (row: Float64Array) => {
            c.set(row, i * n);
            resolve();
          });
          w.once("error", reject);
        }),
    ),
  );
  return c;
}
