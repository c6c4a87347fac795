// Written from the statement alone: numbers are grouped in blocks of 1024, and worker k takes every
// workers-th block of every range (a stride over blocks), which balances the work without any queue. Workers are started from source with { eval: true }.
import { Worker } from "node:worker_threads";

// Eval workers run their source as a CommonJS script, as in Node.js.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { ranges, offset, stride } = workerData;
const prime = (n) => {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
};
const counts = ranges.map(([lo, hi]) => {
  let c = 0;
  for (let b = lo + offset * 1024; b < hi; b += stride * 1024) {
    const end = Math.min(hi, b + 1024);
    for (let x = b; x < end; x++) if (prime(x)) c++;
  }
  return c;
});
parentPort.postMessage(counts);
`;

export function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  const stride = Math.max(1, Math.floor(workers));
  const jobs: Promise<number[]>[] = [];
  for (let offset = 0; offset < stride; offset++) {
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { ranges, offset, stride },
        });
        w.once("message", (counts: number[]) => {
          resolve(counts);
          void w.terminate();
        });
        w.once("error", reject);
      }),
    );
  }
  return Promise.all(jobs).then((parts) => ranges.map((_, i) => parts.reduce((sum, p) => sum + p[i], 0)));
}
