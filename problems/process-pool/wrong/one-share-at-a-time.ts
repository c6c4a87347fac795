// Splits the items into one share per worker, but awaits each worker's share before sending the next.
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
      const share = Math.ceil(items.length / size);
      const out: unknown[] = [];
      for (let k = 0; k < size && k * share < items.length; k++) {
        out.push(...(await run(workers[k], src, items.slice(k * share, (k + 1) * share))));
      }
      return out as R[];
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
