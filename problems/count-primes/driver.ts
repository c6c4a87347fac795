import * as h from "grader:harness";

type Solution = { countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> };
type Input = { ranges: Array<[number, number]>; workers: number; measure: boolean };

/** One timed call on a fresh copy of the ranges (a candidate may mutate its argument). */
async function timedCall(solution: Solution, input: Input, workers: number) {
  const ranges = input.ranges.map(([lo, hi]) => [lo, hi] as [number, number]);
  const started = h.now();
  const result = await solution.countPrimes(ranges, workers);
  const ms = h.now() - started;
  return { result: Array.isArray(result) ? Array.from(result) : result, ms };
}

/**
 * Measured tests time the candidate's own one-worker run, then its `workers`-worker run, in the same
 * runtime; h.now() is virtual time, which each thread advances by its own CPU time.
 */
export async function run(input: Input, solution: Solution) {
  if (!input.measure) {
    const { result } = await timedCall(solution, input, input.workers);
    return { runs: [{ workers: input.workers, result }] };
  }
  const one = await timedCall(solution, input, 1);
  const many = await timedCall(solution, input, input.workers);
  return { runs: [{ workers: 1, ...one }, { workers: input.workers, ...many }] };
}
