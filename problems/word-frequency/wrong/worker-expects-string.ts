// Posts an array of chunks, but the worker treats the message as one string: text.match is not a
// function, the worker throws, and no "error" listener is attached.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  parentPort!.on("message", (text: string) => {
    const counts = new Map<string, number>();
    for (const m of text.match(/[A-Za-z]+/g) ?? []) {
      const word = m.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    parentPort!.postMessage(counts);
  });
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const per = Math.ceil(chunks.length / workers);
  const jobs: Promise<Map<string, number>>[] = [];
  for (let from = 0; from < chunks.length; from += per) {
    jobs.push(
      new Promise((resolve) => {
        const w = new Worker(new URL(import.meta.url));
        w.once("message", (m: Map<string, number>) => {
          void w.terminate();
          resolve(m);
        });
        w.postMessage(chunks.slice(from, from + per));
      }),
    );
  }
  const total = new Map<string, number>();
  for (const part of await Promise.all(jobs)) for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  return Object.fromEntries(total);
}
