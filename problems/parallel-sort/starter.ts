import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  // Worker side: an Int32Array over a SharedArrayBuffer arrives by postMessage sharing the same memory.
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  throw new Error("not implemented");
}
