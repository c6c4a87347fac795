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

type Value = { runs: Run[]; workersAsked: number };

/** The catalogue's factor, for a problem.json that sets no checks.speedupFactor. */
const DEFAULT_SPEEDUP_FACTOR = 0.8;
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

function workersOutcome(ctx: CheckContext, value: Value): CheckOutcome {
  const allowed = value.workersAsked;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed (\`workers\` per call)`
    : `${created} worker threads created, but each call may use at most \`workers\` threads (${allowed} in all for this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

function speedupOutcome(ctx: CheckContext, runs: Run[], workers: number): CheckOutcome {
  const c = Math.min(workers, ctx.cores);
  const factor = ctx.config.checks.speedupFactor ?? DEFAULT_SPEEDUP_FACTOR;
  const required = Math.round(factor * c * 100) / 100;
  const best = (w: number) => Math.min(...runs.filter((r) => r.workers === w).map((r) => r.ms));
  const [oneMs, manyMs] = [best(1), best(workers)];
  const speedup = manyMs > 0 ? oneMs / manyMs : 0;
  const rounded = Math.round(speedup * 100) / 100;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const figures = { oneWorkerMs: r1(oneMs), workersMs: r1(manyMs), speedup: rounded, required, workers, cores: ctx.cores, repeats: runs.length / 2 };
  const message =
    `${workers} workers took ${figures.workersMs} ms, one worker ${figures.oneWorkerMs} ms (best of ${runs.length / 2} alternating runs each, ` +
    `after a warm-up call): speedup ${rounded}, required ${required} (${factor} × min(${workers} workers, ${ctx.cores} cores)); ${METHOD}`;
  return { check: "speedup", passed: speedup >= required, verdict: "insufficient_speedup", message, figures };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "wordFrequency produced no result" }];
  const runs = value.runs;
  const results = runs.map((r) => resultOutcome(r, ctx.test.sample));
  const firstWrong = results.find((o) => !o.passed);
  const outcomes = [workersOutcome(ctx, value), ...(firstWrong ? [firstWrong] : results.slice(0, 2))];
  if (input.measure && !firstWrong) outcomes.push(speedupOutcome(ctx, runs, input.workers));
  return outcomes;
}
