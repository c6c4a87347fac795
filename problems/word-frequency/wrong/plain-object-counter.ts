// Counts into a plain {} with counts[word] = (counts[word] || 0) + 1: for "constructor" (and other
// Object.prototype names) counts[word] starts as a function, so the "count" becomes a string.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", (chunks: string[]) => {
    const counts: Record<string, number> = {};
    for (const text of chunks) {
      for (const m of text.match(/[A-Za-z]+/g) ?? []) {
        const word = m.toLowerCase();
        counts[word] = (counts[word] || 0) + 1;
      }
    }
    parentPort!.postMessage(counts);
  });
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const per = Math.ceil(chunks.length / workers);
  const jobs: Promise<Record<string, number>>[] = [];
  for (let from = 0; from < chunks.length; from += per) {
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (m: Record<string, number>) => {
          void w.terminate();
          resolve(m);
        });
        w.once("error", reject);
        w.postMessage(chunks.slice(from, from + per));
      }),
    );
  }
  const total: Record<string, number> = {};
  for (const part of await Promise.all(jobs)) {
    for (const word of Object.keys(part)) total[word] = (total[word] || 0) + part[word];
  }
  return total;
}
