// Uses /\w+/g for words: digits and "_" count as word characters, so "stop_me" and "24" become words.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", (chunks: string[]) => {
    const counts = new Map<string, number>();
    for (const text of chunks) {
      for (const m of text.match(/\w+/g) ?? []) {
        const word = m.toLowerCase();
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    parentPort!.postMessage(counts);
  });
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const per = Math.ceil(chunks.length / workers);
  const jobs: Promise<Map<string, number>>[] = [];
  for (let from = 0; from < chunks.length; from += per) {
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (m: Map<string, number>) => {
          void w.terminate();
          resolve(m);
        });
        w.once("error", reject);
        w.postMessage(chunks.slice(from, from + per));
      }),
    );
  }
  const total = new Map<string, number>();
  for (const part of await Promise.all(jobs)) for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  return Object.fromEntries(total);
}
