import * as h from "grader:harness";

type Solution = { parallelSort(data: Int32Array, workers: number): Promise<void> };
type Input = { workers: number; measure?: boolean; values?: number[]; n?: number; seed?: number; kind?: "random" | "few" | "sorted" | "reversed" };

/** Deterministic data for the large tests (mulberry32); built before the clock starts. */
function generate(n: number, seed: number, kind: string): Int32Array {
  const data = new Int32Array(new SharedArrayBuffer(n * 4));
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = t ^ (t >>> 14);
    data[i] = kind === "few" ? (r >>> 0) % 10 - 5 : kind === "sorted" ? i * 3 - n : kind === "reversed" ? n - i * 3 : r;
  }
  return data;
}

function fresh(input: Input): Int32Array {
  if (input.values) {
    const data = new Int32Array(new SharedArrayBuffer(input.values.length * 4));
    for (let i = 0; i < input.values.length; i++) data[i] = input.values[i];
    return data;
  }
  return generate(input.n ?? 0, input.seed ?? 1, input.kind ?? "random");
}

/**
 * A multiset fingerprint computed with plain loops (no built-ins a solution could have replaced):
 * the sum and a sum of mixed values mod 2^32, and a xor of differently mixed values (all order-independent). Sorting keeps it; losing, duplicating or
 * changing a value changes it (with overwhelming likelihood).
 */
function fingerprint(data: Int32Array): [number, number, number] {
  let sum = 0;
  let mixA = 0;
  let mixB = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    sum = (sum + v) | 0;
    let x = Math.imul(v ^ 0x9e3779b9, 0x85ebca6b);
    x ^= x >>> 13;
    mixA = (mixA + Math.imul(x, 0xc2b2ae35)) | 0;
    let y = Math.imul(v + 0x7f4a7c15, 0x27d4eb2f);
    y ^= y >>> 15;
    mixB ^= Math.imul(y, 0x165667b1);
  }
  return [sum, mixA, mixB];
}

function firstDescent(data: Int32Array): number {
  for (let i = 1; i < data.length; i++) if (data[i - 1] > data[i]) return i;
  return -1;
}

/** Speed tests: one unmeasured warm-up call (200,000 values), then this many (1 worker, `workers`) pairs, in balanced order (1, w, w, 1, ...). */
const REPEATS = 9;

let workersAsked = 0;

async function timedCall(solution: Solution, input: Input, workers: number) {
  const data = fresh(input);
  const before = fingerprint(data);
  workersAsked += workers;
  const started = h.now();
  await solution.parallelSort(data, workers);
  const ms = h.now() - started;
  const after = fingerprint(data);
  return {
    workers,
    ms,
    length: data.length,
    descentAt: firstDescent(data),
    sameValues: before[0] === after[0] && before[1] === after[1] && before[2] === after[2],
    values: data.length <= 64 ? Array.from(data) : undefined,
  };
}

/**
 * Speed tests sort identical data with one worker and with `workers`, alternating, REPEATS times
 * each, after a warm-up call, all in the same runtime; h.now() is virtual (per-thread CPU) time. The
 * checker compares the two sides round by round (graders/checks/kit/speedup.ts).
 */
export async function run(input: Input, solution: Solution) {
  if (!input.measure) return { runs: [await timedCall(solution, input, input.workers)], workersAsked };
  await timedCall(solution, { n: 200_000, seed: 99, kind: "random", workers: input.workers }, input.workers);
  const runs = [];
  for (let r = 0; r < REPEATS; r++) {
    // Balanced order (1, w, w, 1, 1, w, ...): a cost that comes back every other call (a major GC, say)
    // cannot fall on one side only.
    for (const w of r % 2 === 0 ? [1, input.workers] : [input.workers, 1]) {
      const run = await timedCall(solution, input, w);
      runs.push(run);
      // A wrong sort decides the test: no need to time it again (a slow wrong sort could run long).
      if (run.descentAt >= 0 || !run.sameValues) return { runs, workersAsked };
    }
  }
  return { runs, workersAsked };
}
