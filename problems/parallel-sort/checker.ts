import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";
import { speedupOfRuns } from "../../graders/checks/kit/speedup";

type Input = { workers: number; measure?: boolean; values?: number[]; n?: number };
type Run = { workers: number; ms: number; length: number; descentAt: number; sameValues: boolean; values?: number[] };
type Value = { runs: Run[]; workersAsked: number };

function resultOutcome(run: Run, input: Input, sample: boolean): CheckOutcome {
  const label = `with ${run.workers} worker${run.workers === 1 ? "" : "s"}`;
  const fail = (message: string): CheckOutcome => ({ check: "result", passed: false, verdict: "wrong_answer", message: `${label}: ${message}` });
  if (input.values && sample && run.values) {
    const want = [...input.values].sort((x, y) => x - y);
    if (want.some((v, i) => run.values![i] !== v)) return fail(`data is [${run.values.join(", ")}], expected [${want.join(", ")}]`);
  }
  if (run.descentAt >= 0) return fail(`data is not sorted in place: data[${run.descentAt - 1}] > data[${run.descentAt}] after parallelSort resolved`);
  if (!run.sameValues) return fail("data is sorted but does not hold the same values as before (a value was lost, duplicated or changed)");
  return { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: ${run.length} values sorted in place` };
}

function workersOutcome(ctx: CheckContext, value: Value): CheckOutcome {
  const allowed = value.workersAsked;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed (\`workers\` per call)`
    : `${created} worker threads created, but each call may use at most \`workers\` threads (${allowed} in all for this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "parallelSort produced no result" }];
  const runs = value.runs;
  const results = runs.map((r) => resultOutcome(r, input, ctx.test.sample));
  const firstWrong = results.find((o) => !o.passed);
  const outcomes = [workersOutcome(ctx, value), ...(firstWrong ? [firstWrong] : results.slice(0, 2))];
  if (input.measure && !firstWrong) outcomes.push(speedupOfRuns(ctx, runs, input.workers));
  return outcomes;
}
