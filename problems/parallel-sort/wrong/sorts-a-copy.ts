// Sends copies of the slices to the workers, merges the sorted copies into a new array and assigns it
// to the parameter: the caller's data never changes.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", (slice: Int32Array) => {
    slice.sort();
    parentPort!.postMessage(slice);
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = Math.ceil(n / workers);
  const jobs: Promise<Int32Array>[] = [];
  for (let from = 0; from < n; from += size) {
    const copy = data.slice(from, Math.min(n, from + size));
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (sorted: Int32Array) => {
          void w.terminate();
          resolve(sorted);
        });
        w.once("error", reject);
        w.postMessage(copy);
      }),
    );
  }
  let merged = new Int32Array(0);
  for (const part of await Promise.all(jobs)) {
    const out = new Int32Array(merged.length + part.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < merged.length && j < part.length) out[k++] = merged[i] <= part[j] ? merged[i++] : part[j++];
    while (i < merged.length) out[k++] = merged[i++];
    while (j < part.length) out[k++] = part[j++];
    merged = out;
  }
  data = merged;
}
