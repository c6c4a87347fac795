// Reference: `size` workers started once; map() cuts the items into chunks (about four per worker, as
// Python's Pool.map does), a queue feeds every idle worker its next chunk, and results are written
// back by index. fn travels as source and is compiled once per worker. Results of a map that already
// failed are dropped, so the pool stays usable.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Task = { id: number; start: number; src: string; items: unknown[] };
type Reply = { id: number; start: number; results?: unknown[]; error?: string };

if (!isMainThread) {
  const compiled = new Map<string, (x: unknown) => unknown>();
  parentPort!.on("message", ({ id, start, src, items }: Task) => {
    try {
      let fn = compiled.get(src);
      if (!fn) {
        fn = new Function(`return (${src});`)() as (x: unknown) => unknown;
        compiled.set(src, fn);
      }
      const results = items.map((x) => fn!(x));
      parentPort!.postMessage({ id, start, results } satisfies Reply);
    } catch (e) {
      parentPort!.postMessage({ id, start, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
    }
  });
}

type Job = { id: number; results: unknown[]; pending: number; resolve(r: unknown[]): void; reject(e: Error): void };

export function createPool(size: number) {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL(import.meta.url)));
  const idle = [...workers];
  const queue: Task[] = [];
  const jobs = new Map<number, Job>();
  let nextId = 0;

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) idle.pop()!.postMessage(queue.shift()!);
  };

  for (const worker of workers) {
    worker.on("message", (reply: Reply) => {
      idle.push(worker);
      const job = jobs.get(reply.id);
      if (job) {
        if (reply.error !== undefined) {
          jobs.delete(job.id);
          for (let i = queue.length - 1; i >= 0; i--) if (queue[i].id === job.id) queue.splice(i, 1);
          job.reject(new Error(reply.error));
        } else {
          reply.results!.forEach((r, k) => (job.results[reply.start + k] = r));
          if (--job.pending === 0) {
            jobs.delete(job.id);
            job.resolve(job.results);
          }
        }
      }
      pump();
    });
    worker.on("error", (e) => {
      for (const job of jobs.values()) job.reject(e);
      jobs.clear();
    });
  }

  return {
    map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      if (items.length === 0) return Promise.resolve([]);
      const src = fn.toString();
      const chunk = Math.ceil(items.length / (workers.length * 4));
      return new Promise<R[]>((resolve, reject) => {
        const id = nextId++;
        const job: Job = { id, results: new Array(items.length), pending: 0, resolve: resolve as (r: unknown[]) => void, reject };
        for (let start = 0; start < items.length; start += chunk) {
          queue.push({ id, start, src, items: items.slice(start, start + chunk) });
          job.pending++;
        }
        jobs.set(id, job);
        pump();
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
