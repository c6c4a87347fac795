// Starts a fresh worker for every item (and ends it afterwards): never more than `size` alive at
// once, but far more than `size` created.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

if (!isMainThread) {
  const { src, item } = workerData as { src: string; item: unknown };
  try {
    const fn = new Function(`return (${src});`)() as (x: unknown) => unknown;
    parentPort!.postMessage({ result: fn(item) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message });
  }
}

export function createPool(size: number) {
  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const src = fn.toString();
      const results = new Array<R>(items.length);
      let next = 0;
      const lane = async () => {
        while (next < items.length) {
          const i = next++;
          results[i] = await new Promise<R>((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), { workerData: { src, item: items[i] } });
            w.once("message", (m: { result?: R; error?: string }) => {
              void w.terminate();
              if (m.error !== undefined) reject(new Error(m.error));
              else resolve(m.result as R);
            });
          });
        }
      };
      await Promise.all(Array.from({ length: size }, lane));
      return results;
    },
    async close(): Promise<void> {},
  };
}
