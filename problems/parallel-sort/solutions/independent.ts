// Written from the statement alone: a sample sort. The main thread picks workers-1 splitters from a
// sample and snapshots the data; worker k collects bucket k from the snapshot in one pass, publishes its
// count, sorts, waits until every bucket's count is known (its offset is the sum of the counts before
// it) and writes its bucket to its final place in data. No merge step and no serial pass over the
// data on the main thread. Eval workers.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { snapshot, data, low, high, lowest, counts, k, w } = workerData;
const inBucket = (v) => (lowest || v >= low) && v < high;
// One pass: collect into room for every value, then sort just the filled part.
const room = new Int32Array(snapshot.length);
let m = 0;
for (let i = 0; i < snapshot.length; i++) if (inBucket(snapshot[i])) room[m++] = snapshot[i];
Atomics.store(counts, k, m);
Atomics.add(counts, w, 1);
Atomics.notify(counts, w);
const mine = room.subarray(0, m);
mine.sort();
for (let known = Atomics.load(counts, w); known < w; known = Atomics.load(counts, w)) Atomics.wait(counts, w, known);
let offset = 0;
for (let j = 0; j < k; j++) offset += Atomics.load(counts, j);
data.set(mine, offset);
parentPort.postMessage(m);
`;

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const w = Math.max(1, Math.min(workers, n));
  const sample: number[] = [];
  for (let s = 0; s < 64 * w && n > 0; s++) sample.push(data[Math.floor((s * n) / (64 * w))]);
  sample.sort((x, y) => x - y);
  const splitters: number[] = [];
  for (let k = 1; k < w; k++) splitters.push(sample[Math.floor((k * sample.length) / w)]);
  const snapshot = new Int32Array(new SharedArrayBuffer(n * 4));
  snapshot.set(data);
  // counts[k]: bucket k's size; counts[w]: how many buckets have published theirs.
  const counts = new Int32Array(new SharedArrayBuffer((w + 1) * 4));
  const jobs = Array.from({ length: w }, (_, k) => {
    const job = {
      snapshot,
      data,
      low: k === 0 ? 0 : splitters[k - 1],
      high: k === w - 1 ? Infinity : splitters[k],
      lowest: k === 0,
      counts,
      k,
      w,
    };
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(SOURCE, { eval: true, workerData: job });
      worker.on("message", () => worker.terminate().then(() => resolve(), reject));
      worker.on("error", reject);
    });
  });
  await Promise.all(jobs);
}
