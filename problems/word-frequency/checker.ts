import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";
import { speedupOfRuns } from "../../graders/checks/kit/speedup";

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

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "wordFrequency produced no result" }];
  const runs = value.runs;
  const results = runs.map((r) => resultOutcome(r, ctx.test.sample));
  const firstWrong = results.find((o) => !o.passed);
  const outcomes = [workersOutcome(ctx, value), ...(firstWrong ? [firstWrong] : results.slice(0, 2))];
  if (input.measure && !firstWrong) outcomes.push(speedupOfRuns(ctx, runs, input.workers));
  return outcomes;
}
