// Written from the statement alone: one hash per macrotask. Each call runs in its own
// setImmediate callback, so the longest task is a single hash (a few ms), whatever the input size.
import { setImmediate as nextTurn } from "node:timers/promises";

export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const hashes: number[] = [];
  for (const input of inputs) {
    await nextTurn();
    hashes.push(hash(input));
  }
  return hashes;
}
