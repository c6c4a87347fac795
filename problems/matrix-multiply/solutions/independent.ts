// Written from the statement alone: rows are dealt round-robin (row i goes to worker i % w). The main
// thread puts a and a transposed copy of b in shared memory once (transposing changes no addition
// order: each element is still the k-ascending dot product starting at +0); eval workers (CommonJS, as
// in Node) write their rows straight into a shared result.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { a, bt, c, n, first, step } = workerData;
const A = new Float64Array(a), BT = new Float64Array(bt), C = new Float64Array(c);
for (let i = first; i < n; i += step) {
  for (let j = 0; j < n; j++) {
    let acc = 0;
    for (let k = 0; k < n; k++) acc += A[i * n + k] * BT[j * n + k];
    C[i * n + j] = acc;
  }
}
parentPort.postMessage("rows done");
`;

export function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const step = Math.max(1, Math.min(workers, n));
  const sa = new SharedArrayBuffer(n * n * 8);
  new Float64Array(sa).set(a);
  const sbt = new SharedArrayBuffer(n * n * 8);
  const bt = new Float64Array(sbt);
  for (let r = 0; r < n; r++) for (let col = 0; col < n; col++) bt[col * n + r] = b[r * n + col];
  const sc = new SharedArrayBuffer(n * n * 8);
  const parts = Array.from({ length: step }, (_, first) =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(SOURCE, { eval: true, workerData: { a: sa, bt: sbt, c: sc, n, first, step } });
      w.on("message", () => w.terminate().then(() => resolve(), reject));
      w.on("error", reject);
    }),
  );
  return Promise.all(parts).then(() => new Float64Array(sc).slice());
}
