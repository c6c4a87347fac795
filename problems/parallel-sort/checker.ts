import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Input = { workers: number; measure?: boolean; values?: number[]; n?: number };
type Run = { workers: number; ms: number; length: number; descentAt: number; sameValues: boolean; values?: number[] };

const SPEEDUP_FACTOR = 0.65;
const METHOD = "virtual time: each thread's clock advances by its own CPU time, so the makespan does not depend on machine load";

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

function workersOutcome(ctx: CheckContext, input: Input): CheckOutcome {
  const allowed = input.measure ? 1 + input.workers : input.workers;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed`
    : `${created} worker threads created, but parallelSort may use at most \`workers\` threads per call (${allowed} in this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

function speedupOutcome(ctx: CheckContext, one: Run, many: Run): CheckOutcome {
  const c = Math.min(many.workers, ctx.cores);
  const required = Math.round(SPEEDUP_FACTOR * c * 100) / 100;
  const speedup = many.ms > 0 ? one.ms / many.ms : 0;
  const rounded = Math.round(speedup * 100) / 100;
  const figures = { oneWorkerMs: Math.round(one.ms * 10) / 10, workersMs: Math.round(many.ms * 10) / 10, speedup: rounded, required, workers: many.workers, cores: ctx.cores };
  const message =
    `${many.workers} workers took ${figures.workersMs} ms, one worker ${figures.oneWorkerMs} ms: speedup ${rounded}, ` +
    `required ${required} (0.65 × min(${many.workers} workers, ${ctx.cores} cores)); ${METHOD}`;
  return { check: "speedup", passed: speedup >= required, verdict: "insufficient_speedup", message, figures };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const runs = (ctx.value as { runs?: Run[] } | undefined)?.runs;
  if (!Array.isArray(runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "parallelSort produced no result" }];
  const outcomes = [workersOutcome(ctx, input), ...runs.map((r) => resultOutcome(r, input, ctx.test.sample))];
  if (input.measure && runs.length === 2) outcomes.push(speedupOutcome(ctx, runs[0], runs[1]));
  return outcomes;
}
