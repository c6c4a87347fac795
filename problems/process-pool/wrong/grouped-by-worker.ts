// Deals the items round-robin (item i to worker i % size) and concatenates each worker's results:
// every result is right, but they come back grouped by worker instead of in input order.
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
  const workers = Array.from({ length: size }, () => new Worker(new URL(import.meta.url)));
  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const src = fn.toString();
      const hands: T[][] = workers.map(() => []);
      items.forEach((x, i) => hands[i % size].push(x));
      const parts = await Promise.all(workers.map((w, k) => run(w, src, hands[k])));
      return parts.flat() as R[];
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
