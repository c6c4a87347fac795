// Starts `size` new workers in every map() and terminates them when the map is done: correct results,
// but the workers are not reused across map calls.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ id, src, items }: { id: number; src: string; items: unknown[] }) => {
    try {
      const fn = new Function(`return (${src});`)() as (x: unknown) => unknown;
      parentPort!.postMessage({ id, results: items.map((x) => fn(x)) });
    } catch (e) {
      parentPort!.postMessage({ id, error: (e as Error).message });
    }
  });
}

let lastId = 0;
/** One request to one worker; replies carry the request's id, so a late reply to a failed map is ignored. */
function run(worker: Worker, src: string, items: unknown[]): Promise<unknown[]> {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const onReply = (m: { id: number; results?: unknown[]; error?: string }) => {
      if (m.id !== id) return;
      worker.off("message", onReply);
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.results!);
    };
    worker.on("message", onReply);
    worker.postMessage({ id, src, items });
  });
}

export function createPool(size: number) {
  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const workers = Array.from({ length: size }, () => new Worker(new URL(import.meta.url)));
      const src = fn.toString();
      const share = Math.ceil(items.length / size) || 1;
      try {
        const parts = await Promise.all(
          workers.map((w, k) => run(w, src, items.slice(k * share, (k + 1) * share))),
        );
        return parts.flat() as R[];
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
    async close(): Promise<void> {},
  };
}
