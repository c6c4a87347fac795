// Reference: each worker sorts one contiguous slice of the shared array in place; the main thread
// then merges neighbouring slices pairwise (through one scratch array) until one run is left.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Slice = { data: Int32Array; from: number; to: number };

if (!isMainThread) {
  parentPort!.on("message", ({ data, from, to }: Slice) => {
    data.subarray(from, to).sort();
    parentPort!.postMessage("sorted");
  });
}

function sortSlice(slice: Slice): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url));
    worker.once("message", () => worker.terminate().then(() => resolve(), reject));
    worker.once("error", reject);
    worker.postMessage(slice);
  });
}

/** Merges data[lo, mid) and data[mid, hi) (both sorted) into scratch[lo, hi). */
function merge(data: Int32Array, scratch: Int32Array, lo: number, mid: number, hi: number): void {
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) scratch[k++] = data[i] <= data[j] ? data[i++] : data[j++];
  while (i < mid) scratch[k++] = data[i++];
  while (j < hi) scratch[k++] = data[j++];
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const parts = Math.max(1, Math.min(workers, n));
  const bounds = Array.from({ length: parts + 1 }, (_, t) => Math.floor((t * n) / parts));
  await Promise.all(bounds.slice(0, -1).map((from, t) => sortSlice({ data, from, to: bounds[t + 1] })));
  let runs = bounds;
  let source: Int32Array = data;
  let target: Int32Array = new Int32Array(n);
  while (runs.length > 2) {
    const next = [runs[0]];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const hi = runs[Math.min(r + 2, runs.length - 1)];
      merge(source, target, runs[r], runs[r + 1], hi);
      next.push(hi);
    }
    [source, target] = [target, source];
    runs = next;
  }
  if (source !== data) data.set(source);
}
