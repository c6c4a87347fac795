// Reference: cut every range into pieces of about equal length and hand them out from a shared queue,
// so a single long range is split across workers and a fast worker takes more pieces.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Piece = { range: number; lo: number; hi: number };

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n < 4) return true;
  if (n % 2 === 0 || n % 3 === 0) return false;
  for (let d = 5; d * d <= n; d += 6) {
    if (n % d === 0 || n % (d + 2) === 0) return false;
  }
  return true;
}

function countIn(lo: number, hi: number): number {
  let count = 0;
  for (let x = lo; x < hi; x++) if (isPrime(x)) count++;
  return count;
}

if (!isMainThread) {
  parentPort!.on("message", (piece: Piece) => {
    parentPort!.postMessage({ range: piece.range, count: countIn(piece.lo, piece.hi) });
  });
}

function cut(ranges: Array<[number, number]>, pieces: number): Piece[] {
  const total = ranges.reduce((sum, [lo, hi]) => sum + Math.max(0, hi - lo), 0);
  const size = Math.max(1, Math.ceil(total / pieces));
  const out: Piece[] = [];
  ranges.forEach(([lo, hi], range) => {
    for (let start = lo; start < hi; start += size) out.push({ range, lo: start, hi: Math.min(hi, start + size) });
  });
  return out;
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  const counts = ranges.map(() => 0);
  const queue = cut(ranges, Math.max(1, workers) * 8);
  const threads = Math.min(Math.max(1, workers), queue.length);
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url));
      const feed = () => {
        if (next < queue.length) worker.postMessage(queue[next++]);
        else worker.terminate().then(() => resolve(), reject);
      };
      worker.on("message", (done: { range: number; count: number }) => {
        counts[done.range] += done.count;
        feed();
      });
      worker.on("error", reject);
      feed();
    });
  const running: Promise<void>[] = [];
  for (let i = 0; i < threads; i++) running.push(runWorker());
  await Promise.all(running);
  return counts;
}
