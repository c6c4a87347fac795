import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Run = { workers: number; result: unknown; ms?: number };
type Input = { ranges: Array<[number, number]>; workers: number; measure: boolean };

const SPEEDUP_FACTOR = 0.8;
const METHOD = "virtual time: each thread's clock advances by its own CPU time, so the makespan does not depend on machine load";

function resultOutcome(run: Run, expected: number[], sample: boolean): CheckOutcome {
  const label = `with ${run.workers} worker${run.workers === 1 ? "" : "s"}`;
  const fail = (message: string): CheckOutcome => ({ check: "result", passed: false, verdict: "wrong_answer", message });
  if (!Array.isArray(run.result)) return fail(`${label}: countPrimes did not resolve with an array`);
  const got = run.result as unknown[];
  if (got.length !== expected.length) return fail(`${label}: expected ${expected.length} counts, got ${got.length}`);
  const bad = expected.findIndex((want, i) => got[i] !== want);
  if (bad >= 0) {
    const detail = sample ? `: expected ${expected[bad]}, got ${String(got[bad])}` : "";
    return fail(`${label}: wrong count for range #${bad} of ${expected.length}${detail}`);
  }
  return { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: all ${expected.length} counts right, in order` };
}

function workersOutcome(ctx: CheckContext, input: Input): CheckOutcome {
  const allowed = input.measure ? 1 + input.workers : input.workers;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed`
    : `${created} worker threads created, but countPrimes may use at most \`workers\` threads per call (${allowed} in this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

function speedupOutcome(ctx: CheckContext, one: Run, many: Run): CheckOutcome {
  const c = Math.min(many.workers, ctx.cores);
  const required = Math.round(SPEEDUP_FACTOR * c * 100) / 100;
  const oneMs = one.ms ?? 0;
  const manyMs = many.ms ?? 0;
  const speedup = manyMs > 0 ? oneMs / manyMs : 0;
  const rounded = Math.round(speedup * 100) / 100;
  const passed = speedup >= required;
  const figures = { oneWorkerMs: Math.round(oneMs * 10) / 10, workersMs: Math.round(manyMs * 10) / 10, speedup: rounded, required, workers: many.workers, cores: ctx.cores };
  const message =
    `${many.workers} workers took ${figures.workersMs} ms, one worker ${figures.oneWorkerMs} ms: speedup ${rounded}, ` +
    `required ${required} (0.8 × min(${many.workers} workers, ${ctx.cores} cores)); ${METHOD}`;
  return { check: "speedup", passed, verdict: "insufficient_speedup", message, figures };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const expected = ctx.test.expected as number[];
  const runs = (ctx.value as { runs?: Run[] } | undefined)?.runs;
  if (!Array.isArray(runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "countPrimes produced no result" }];
  const outcomes = [workersOutcome(ctx, input), ...runs.map((r) => resultOutcome(r, expected, ctx.test.sample))];
  if (input.measure && runs.length === 2) outcomes.push(speedupOutcome(ctx, runs[0], runs[1]));
  return outcomes;
}
