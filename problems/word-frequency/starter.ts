import { Worker, isMainThread, parentPort } from "node:worker_threads";

if (!isMainThread) {
  // Worker side (map): count the words of the chunks it receives and post the counts back.
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  throw new Error("not implemented");
}
