// The worker calls fn without try/catch: when fn throws, the exception is uncaught in the worker, and
// the pool listens for no "error" event, so the whole program crashes instead of the map rejecting.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", ({ src, items }: { src: string; items: unknown[] }) => {
    const fn = new Function(`return (${src});`)() as (x: unknown) => unknown;
    parentPort!.postMessage(items.map((x) => fn(x)));
  });
}

export function createPool(size: number) {
  const workers = Array.from({ length: size }, () => new Worker(new URL(import.meta.url)));
  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const src = fn.toString();
      const share = Math.ceil(items.length / size) || 1;
      const parts = await Promise.all(
        workers.map(
          (w, k) =>
            new Promise<R[]>((resolve) => {
              w.once("message", resolve);
              w.postMessage({ src, items: items.slice(k * share, (k + 1) * share) });
            }),
        ),
      );
      return parts.flat();
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
