// Splits the numbers into `workers` slices correctly, but awaits each worker before starting the next.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

if (!isMainThread) {
  parentPort!.on("message", (slices: Array<[number, number]>) => {
    parentPort!.postMessage(
      slices.map(([lo, hi]) => {
        let c = 0;
        for (let x = lo; x < hi; x++) if (isPrime(x)) c++;
        return c;
      }),
    );
  });
}

function runOn(slices: Array<[number, number]>): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url));
    w.once("message", (counts: number[]) => {
      void w.terminate();
      resolve(counts);
    });
    w.once("error", reject);
    w.postMessage(slices);
  });
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  const totals = ranges.map(() => 0);
  for (let k = 0; k < workers; k++) {
    const slices = ranges.map(([lo, hi]): [number, number] => {
      const size = Math.ceil(Math.max(0, hi - lo) / workers);
      return [Math.min(hi, lo + k * size), Math.min(hi, lo + (k + 1) * size)];
    });
    const counts = await runOn(slices);
    counts.forEach((c, i) => (totals[i] += c));
  }
  return totals;
}
