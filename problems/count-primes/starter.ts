import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  // Worker side: receive some work with parentPort.on("message", ...) and post the answer back.
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  throw new Error("not implemented");
}
