import * as h from "grader:harness";

type Solution = { matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> };
type Input = { n: number; workers: number; measure?: boolean; seed?: number; a?: number[]; b?: number[] };

/** Same generator as checker.ts: exact arithmetic only, so host and sandbox build the same bits. */
function generate(n: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const m = new Float64Array(n * n);
  for (let i = 0; i < m.length; i++) m[i] = ((next() / 2 ** 32) * 2 - 1) * 2 ** ((next() % 7) - 3);
  return m;
}

function operands(input: Input): [Float64Array, Float64Array] {
  if (input.a && input.b) return [Float64Array.from(input.a), Float64Array.from(input.b)];
  return [generate(input.n, input.seed ?? 1), generate(input.n, (input.seed ?? 1) + 1)];
}

/** The result's bit patterns as plain numbers (two 32-bit words per element), or why there is none. */
function bits(result: unknown, n: number): { words: number[] } | { problem: string } {
  if (!(result instanceof Float64Array) && !Array.isArray(result)) return { problem: "matmul did not resolve with a Float64Array" };
  if (result.length !== n * n) return { problem: `expected ${n * n} elements (n × n), got ${result.length}` };
  const copy = new Float64Array(n * n);
  for (let i = 0; i < copy.length; i++) copy[i] = Number(result[i]);
  return { words: Array.from(new Uint32Array(copy.buffer)) };
}

async function timedCall(solution: Solution, input: Input, workers: number) {
  const [a, b] = operands(input);
  const started = h.now();
  const result = await solution.matmul(a, b, input.n, workers);
  const ms = h.now() - started;
  return { workers, ms, ...bits(result, input.n) };
}

/** Speed tests: the candidate's own one-worker run, then its `workers` run; h.now() is virtual (per-thread CPU) time. */
export async function run(input: Input, solution: Solution) {
  if (!input.measure) return { runs: [await timedCall(solution, input, input.workers)] };
  const one = await timedCall(solution, input, 1);
  const many = await timedCall(solution, input, input.workers);
  return { runs: [one, many] };
}
