import * as h from "grader:harness";

type S = { hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> };
type Input = { inputs: string[] };

export type Observation = {
  /** The candidate's result: numbers kept, anything else as null; null when it is not an array. */
  result: (number | null)[] | null;
  /** How many times hash() was called. */
  hashCalls: number;
  /** Virtual ms from the call to hashAll until its promise resolved. */
  virtualMs: number;
};

/**
 * Mixing steps per hash() call: about 3–5 ms of CPU on the grading machines. The cost does not
 * depend on the string, so every call weighs the same.
 */
export const HASH_STEPS = 1_500_000;

/** The mixing loop: FNV-1a style over the character codes, cycled for `steps` steps. */
function mix(codes: Int32Array, steps: number): number {
  const n = codes.length;
  let x = 0x811c9dc5 | 0;
  for (let i = 0, k = 0; i < steps; i++) {
    x ^= codes[k];
    x = Math.imul(x, 0x01000193);
    x ^= x >>> 13;
    if (++k === n) k = 0;
  }
  return x >>> 0;
}

/**
 * A deterministic, deliberately slow 32-bit string hash. The inner loop reads a typed array, so
 * its speed is the same for every kind of string (empty, one-byte, two-byte) and V8 never has to
 * deoptimise it half-way through a test.
 */
export function slowHash(s: string): number {
  const codes = new Int32Array(Math.max(1, s.length));
  for (let k = 0; k < s.length; k++) codes[k] = s.charCodeAt(k);
  return mix(codes, HASH_STEPS);
}

/**
 * Gets `mix` compiled by the optimising tier before the candidate runs, so that the first hash()
 * calls cost what the later ones do instead of several times more while the loop is still
 * interpreted. Spread over many short driver macrotasks, so the warm-up itself never looks like a
 * long task.
 */
async function warmUp(): Promise<void> {
  const codes = new Int32Array([1, 2, 3]);
  for (let r = 0; r < 20; r++) {
    mix(codes, 50_000);
    await h.sleep(1);
  }
}

export async function run(input: Input, solution: S): Promise<Observation> {
  let hashCalls = 0;
  // A closure over the driver's counter: hash is meant to be called right here, on the main thread.
  const hash = (s: string): number => {
    hashCalls++;
    return slowHash(s);
  };
  await warmUp();
  const t0 = h.now();
  const r: unknown = await solution.hashAll(input.inputs.slice(), hash);
  const virtualMs = h.now() - t0;
  const result = Array.isArray(r) ? Array.from(r as unknown[], (x) => (typeof x === "number" ? x : null)) : null;
  h.record("hashAll resolved", { virtualMs, hashCalls });
  return { result, hashCalls, virtualMs };
}
