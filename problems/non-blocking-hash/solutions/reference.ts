/** Lets the event loop run between slices of at most SLICE_MS of hashing. */
const SLICE_MS = 10;

/** A macrotask boundary: a timer callback runs after whatever else was waiting (I/O, other timers). */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const out: number[] = new Array(inputs.length);
  let sliceStart = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    // Checked before each call: a slice never starts another hash once its budget is spent.
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
    out[i] = hash(inputs[i]);
  }
  return out;
}
