import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";
import { speedupOfRuns } from "../../graders/checks/kit/speedup";

type Run = { workers: number; result: unknown; ms: number };
type Value = { runs: Run[]; workersAsked: number };
type Input = { ranges: Array<[number, number]>; workers: number; measure: boolean };

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

function workersOutcome(ctx: CheckContext, value: Value): CheckOutcome {
  const allowed = value.workersAsked;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const calls = value.runs.length + (value.runs.length > 1 ? 1 : 0);
  const message = passed
    ? `${created} worker thread(s) created over ${calls} call(s), at most ${allowed} allowed`
    : `${created} worker threads created over ${calls} call(s), but each call may use at most \`workers\` threads (${allowed} in all for this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const expected = ctx.test.expected as number[];
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "countPrimes produced no result" }];
  const runs = value.runs;
  // One outcome per distinct worker count is enough; the first wrong run speaks for the rest.
  const results = runs.map((r) => resultOutcome(r, expected, ctx.test.sample));
  const firstWrong = results.find((o) => !o.passed);
  const outcomes = [workersOutcome(ctx, value), ...(firstWrong ? [firstWrong] : results.slice(0, 2))];
  if (input.measure && !firstWrong) outcomes.push(speedupOfRuns(ctx, runs, input.workers));
  return outcomes;
}
