// Joins all chunks into one text and cuts it into `workers` equal pieces: the last word of one chunk
// runs into the first word of the next, and the cuts split words in two.
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
  parentPort!.on("message", (text: string) => parentPort!.postMessage(count([text])));
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const text = chunks.join("");
  const size = Math.ceil(text.length / workers);
  const jobs: Promise<Map<string, number>>[] = [];
  for (let from = 0; from < text.length; from += size) {
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (m: Map<string, number>) => {
          void w.terminate();
          resolve(m);
        });
        w.once("error", reject);
        w.postMessage(text.slice(from, from + size));
      }),
    );
  }
  const total = new Map<string, number>();
  for (const part of await Promise.all(jobs)) for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  return Object.fromEntries(total);
}
