// Reuses its workers and keeps results in order, but sends every item in its own message and waits
// for its own reply: with many tiny items the messaging costs far more than the work.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  const compiled = new Map<string, (x: unknown) => unknown>();
  parentPort!.on("message", ({ job, i, src, item }: { job: number; i: number; src: string; item: unknown }) => {
    try {
      let fn = compiled.get(src);
      if (!fn) compiled.set(src, (fn = new Function(`return (${src});`)() as (x: unknown) => unknown));
      parentPort!.postMessage({ job, i, result: fn(item) });
    } catch (e) {
      parentPort!.postMessage({ job, i, error: (e as Error).message });
    }
  });
}

export function createPool(size: number) {
  const workers = Array.from({ length: size }, () => new Worker(new URL(import.meta.url)));
  let jobs = 0;
  return {
    map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const src = fn.toString();
      const job = ++jobs;
      const results = new Array<R>(items.length);
      let next = 0;
      let done = 0;
      let failed = false;
      return new Promise<R[]>((resolve, reject) => {
        if (items.length === 0) return resolve([]);
        const feed = (w: Worker) => {
          if (next < items.length && !failed) w.postMessage({ job, i: next, src, item: items[next++] });
        };
        for (const w of workers) {
          w.removeAllListeners("message");
          w.on("message", (m: { job: number; i: number; result?: R; error?: string }) => {
            if (failed || m.job !== job) return;
            if (m.error !== undefined) {
              failed = true;
              return reject(new Error(m.error));
            }
            results[m.i] = m.result as R;
            if (++done === items.length) resolve(results);
            else feed(w);
          });
          feed(w);
        }
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
