// Posts the ranges with postMessage but the worker reads them from workerData, which is undefined:
// the worker throws, and with no "error" listener that crashes the program.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

if (!isMainThread) {
  const ranges = (workerData as { ranges: Array<[number, number]> }).ranges;
  parentPort!.postMessage(
    ranges.map(([lo, hi]) => {
      let c = 0;
      for (let x = lo; x < hi; x++) if (isPrime(x)) c++;
      return c;
    }),
  );
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  const hands: Array<Array<[number, number]>> = Array.from({ length: workers }, () => []);
  ranges.forEach((r, i) => hands[i % workers].push(r));
  const parts = await Promise.all(
    hands.map(
      (hand) =>
        new Promise<number[]>((resolve) => {
          const w = new Worker(new URL(import.meta.url));
          w.postMessage(hand);
          w.once("message", (counts: number[]) => {
            void w.terminate();
            resolve(counts);
          });
        }),
    ),
  );
  return ranges.map((_, i) => parts[i % workers][Math.floor(i / workers)]);
}
