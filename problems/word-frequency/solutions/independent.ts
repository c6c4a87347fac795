// Written from the statement alone: chunk i goes to worker i % workers (eval workers, CommonJS as in
// Node); each worker matches /[A-Za-z]+/g, lower-cases the matches and counts them in a Map; the main
// thread merges the Maps and returns Object.fromEntries (own properties, so "constructor" is safe).
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const counts = new Map();
for (const text of workerData) {
  for (const match of text.match(/[A-Za-z]+/g) || []) {
    const word = match.toLowerCase();
    counts.set(word, (counts.get(word) || 0) + 1);
  }
}
parentPort.postMessage(counts);
`;

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  const w = Math.max(1, Math.min(workers, chunks.length));
  const hands: string[][] = Array.from({ length: w }, () => []);
  chunks.forEach((chunk, i) => hands[i % w].push(chunk));
  const maps = await Promise.all(
    hands.map(
      (hand) =>
        new Promise<Map<string, number>>((resolve, reject) => {
          const worker = new Worker(SOURCE, { eval: true, workerData: hand });
          worker.on("message", (counts: Map<string, number>) => {
            resolve(counts);
            void worker.terminate();
          });
          worker.on("error", reject);
        }),
    ),
  );
  const merged = new Map<string, number>();
  for (const m of maps) for (const [word, n] of m) merged.set(word, (merged.get(word) ?? 0) + n);
  return Object.fromEntries(merged);
}
