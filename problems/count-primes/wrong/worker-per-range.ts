// Starts one worker for every range, whatever `workers` says.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

if (!isMainThread) {
  const [lo, hi] = workerData as [number, number];
  let c = 0;
  for (let x = lo; x < hi; x++) if (isPrime(x)) c++;
  parentPort!.postMessage(c);
}

export function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  return Promise.all(
    ranges.map(
      (range) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: range });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    ),
  );
}
