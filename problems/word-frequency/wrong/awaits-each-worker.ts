// Hands each worker its share of the chunks but awaits one worker before starting the next.
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
  parentPort!.on("message", (chunks: string[]) => parentPort!.postMessage(count(chunks)));
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const total = new Map<string, number>();
  const per = Math.ceil(chunks.length / workers);
  for (let from = 0; from < chunks.length; from += per) {
    const part = await new Promise<Map<string, number>>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url));
      w.once("message", (m: Map<string, number>) => {
        void w.terminate();
        resolve(m);
      });
      w.once("error", reject);
      w.postMessage(chunks.slice(from, from + per));
    });
    for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  }
  return Object.fromEntries(total);
}
