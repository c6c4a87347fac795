// "await gives the event loop a chance to run": it does not. Awaiting an already-resolved value
// only queues a microtask, and microtasks run before the loop moves on, so this is one long task.
export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const out: number[] = [];
  for (const s of inputs) {
    out.push(hash(s));
    await Promise.resolve();
  }
  return out;
}
