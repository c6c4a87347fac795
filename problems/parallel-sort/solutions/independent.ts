// Written from the statement alone: a sample sort. The main thread picks workers-1 splitters from a
// sample, counts how many values fall in each bucket and snapshots the data; worker k collects bucket
// k from the snapshot, sorts it and writes it to its final place in data. No merge step. Eval workers.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { snapshot, data, low, high, offset, count, lowest } = workerData;
const mine = new Int32Array(count);
let m = 0;
for (let i = 0; i < snapshot.length; i++) {
  const v = snapshot[i];
  if ((lowest || v >= low) && v < high) mine[m++] = v;
}
mine.sort();
data.set(mine, offset);
parentPort.postMessage(m);
`;

function bucketOf(v: number, splitters: number[]): number {
  let lo = 0;
  let hi = splitters.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v >= splitters[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const w = Math.max(1, Math.min(workers, n));
  const sample: number[] = [];
  for (let s = 0; s < 64 * w && n > 0; s++) sample.push(data[Math.floor((s * n) / (64 * w))]);
  sample.sort((x, y) => x - y);
  const splitters: number[] = [];
  for (let k = 1; k < w; k++) splitters.push(sample[Math.floor((k * sample.length) / w)]);
  const counts = new Array<number>(w).fill(0);
  for (let i = 0; i < n; i++) counts[bucketOf(data[i], splitters)]++;
  const snapshot = new Int32Array(new SharedArrayBuffer(n * 4));
  snapshot.set(data);
  let offset = 0;
  const jobs = counts.map((count, k) => {
    const job = {
      snapshot,
      data,
      low: k === 0 ? 0 : splitters[k - 1],
      high: k === w - 1 ? Infinity : splitters[k],
      lowest: k === 0,
      offset,
      count,
    };
    offset += count;
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(SOURCE, { eval: true, workerData: job });
      worker.on("message", () => worker.terminate().then(() => resolve(), reject));
      worker.on("error", reject);
    });
  });
  await Promise.all(jobs);
}
