// Written from the statement alone: rows are dealt round-robin (row i goes to worker i % w); each
// worker gets copies of a and b, transposes b for cache-friendly access (the k order per element does
// not change), and sends back its rows, which the main thread places. Eval workers, CommonJS as in Node.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { a, b, n, first, step } = workerData;
const bt = new Float64Array(n * n);
for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) bt[c * n + r] = b[r * n + c];
const rows = [];
for (let i = first; i < n; i += step) rows.push(i);
const out = new Float64Array(rows.length * n);
rows.forEach((i, slot) => {
  for (let j = 0; j < n; j++) {
    let acc = 0;
    for (let k = 0; k < n; k++) acc += a[i * n + k] * bt[j * n + k];
    out[slot * n + j] = acc;
  }
});
parentPort.postMessage({ rows, out }, [out.buffer]);
`;

export function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const step = Math.max(1, Math.min(workers, n));
  const result = new Float64Array(n * n);
  const parts = Array.from({ length: step }, (_, first) =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(SOURCE, { eval: true, workerData: { a, b, n, first, step } });
      w.on("message", ({ rows, out }: { rows: number[]; out: Float64Array }) => {
        rows.forEach((i, slot) => result.set(out.subarray(slot * n, slot * n + n), i * n));
        w.terminate().then(() => resolve(), reject);
      });
      w.on("error", reject);
    }),
  );
  return Promise.all(parts).then(() => result);
}
