import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Input = { workers: number; measure?: boolean };
type Run = {
  workers: number;
  ms: number;
  ok: boolean;
  problem?: string;
  distinct?: number;
  expectedDistinct?: number;
  wrong?: number;
  missing?: number;
  extra?: number;
  example?: { word: string; got: string; want: number };
};

const SPEEDUP_FACTOR = 0.6;
const METHOD = "virtual time: each thread's clock advances by its own CPU time, so the makespan does not depend on machine load";

function resultOutcome(run: Run, sample: boolean): CheckOutcome {
  const label = `with ${run.workers} worker${run.workers === 1 ? "" : "s"}`;
  if (run.ok) return { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: all ${run.expectedDistinct} word counts right` };
  if (run.problem) return { check: "result", passed: false, verdict: "wrong_answer", message: `${label}: ${run.problem}` };
  const parts = [
    run.wrong ? `${run.wrong} word(s) with a wrong count` : "",
    run.missing ? `${run.missing} word(s) missing` : "",
    run.extra ? `${run.extra} key(s) that are not words of the text` : "",
  ].filter(Boolean);
  const ex = run.example;
  const detail = sample && ex ? ` (for example "${ex.word}": expected ${ex.want}, got ${ex.got})` : "";
  return {
    check: "result",
    passed: false,
    verdict: "wrong_answer",
    message: `${label}: ${parts.join(", ")}; expected ${run.expectedDistinct} distinct words, got ${run.distinct}${detail}`,
  };
}

function workersOutcome(ctx: CheckContext, input: Input): CheckOutcome {
  const allowed = input.measure ? 1 + input.workers : input.workers;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed`
    : `${created} worker threads created, but wordFrequency may use at most \`workers\` threads per call (${allowed} in this test)`;
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
    `required ${required} (0.6 × min(${many.workers} workers, ${ctx.cores} cores)); ${METHOD}`;
  return { check: "speedup", passed: speedup >= required, verdict: "insufficient_speedup", message, figures };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const runs = (ctx.value as { runs?: Run[] } | undefined)?.runs;
  if (!Array.isArray(runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "wordFrequency produced no result" }];
  const outcomes = [workersOutcome(ctx, input), ...runs.map((r) => resultOutcome(r, ctx.test.sample))];
  if (input.measure && runs.length === 2) outcomes.push(speedupOutcome(ctx, runs[0], runs[1]));
  return outcomes;
}
