// Sorts each slice on its own worker, but awaits every worker before starting the next.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ data, from, to }: { data: Int32Array; from: number; to: number }) => {
    data.subarray(from, to).sort();
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = Math.ceil(n / workers);
  const starts: number[] = [];
  for (let from = 0; from < n; from += size) {
    starts.push(from);
    await new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url));
      w.once("message", () => {
        void w.terminate();
        resolve();
      });
      w.once("error", reject);
      w.postMessage({ data, from, to: Math.min(n, from + size) });
    });
  }
  // k-way merge of the sorted slices
  const heads = starts.slice();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let best = -1;
    for (let s = 0; s < starts.length; s++) {
      const end = Math.min(n, starts[s] + size);
      if (heads[s] < end && (best < 0 || data[heads[s]] < data[heads[best]])) best = s;
    }
    out[k] = data[heads[best]++];
  }
  data.set(out);
}
