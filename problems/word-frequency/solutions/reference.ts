// Reference (map on workers, reduce in the main thread): chunks are split into `workers` contiguous
// groups of about equal length; each worker counts its group into a Map with a char-code scan and
// sends back [word, count] pairs; the main thread adds them up.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function countInto(counts: Map<string, number>, text: string): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const letter = i < text.length && isLetter(text.charCodeAt(i));
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      const word = text.slice(start, i).toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      start = -1;
    }
  }
}

if (!isMainThread) {
  parentPort!.on("message", (chunks: string[]) => {
    const counts = new Map<string, number>();
    for (const chunk of chunks) countInto(counts, chunk);
    parentPort!.postMessage([...counts]);
  });
}

function groups(chunks: string[], workers: number): string[][] {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const target = total / workers;
  const out: string[][] = [[]];
  let size = 0;
  for (const chunk of chunks) {
    if (size >= target * out.length && out.length < workers) out.push([]);
    out[out.length - 1].push(chunk);
    size += chunk.length;
  }
  return out.filter((g) => g.length > 0);
}

function countOnWorker(group: string[]): Promise<Array<[string, number]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url));
    worker.once("message", (pairs: Array<[string, number]>) => {
      worker.terminate().then(() => resolve(pairs), reject);
    });
    worker.once("error", reject);
    worker.postMessage(group);
  });
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const parts = await Promise.all(groups(chunks, Math.max(1, workers)).map(countOnWorker));
  const total = new Map<string, number>();
  for (const pairs of parts) for (const [word, n] of pairs) total.set(word, (total.get(word) ?? 0) + n);
  const result: Record<string, number> = Object.create(null);
  for (const [word, n] of total) result[word] = n;
  return result;
}
