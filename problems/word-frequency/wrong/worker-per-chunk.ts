// Starts one worker for every chunk, whatever `workers` says.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

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

if (!isMainThread) parentPort!.postMessage(count([workerData as string]));

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<Map<string, number>>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: chunk });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    ),
  );
  const total = new Map<string, number>();
  for (const part of parts) for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  return Object.fromEntries(total);
}
