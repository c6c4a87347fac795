// Copies each slice into a plain array and calls .sort() without a comparator: JavaScript then
// compares the numbers as strings ("-1" < "-20" < "10" < "9").
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ data, from, to }: { data: Int32Array; from: number; to: number }) => {
    const values = Array.from(data.subarray(from, to)).sort();
    data.set(values, from);
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const size = Math.ceil(n / workers);
  const jobs: Promise<void>[] = [];
  for (let from = 0; from < n; from += size) {
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", () => {
          void w.terminate();
          resolve();
        });
        w.once("error", reject);
        w.postMessage({ data, from, to: Math.min(n, from + size) });
      }),
    );
  }
  await Promise.all(jobs);
  const merged = Array.from(data).sort();
  data.set(merged);
}
