import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  // Worker side: parentPort!.on("message", ...) and post back what it computed.
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  throw new Error("not implemented");
}
