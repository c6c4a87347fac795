/**
 * The catalogue's parallel-speedup check, for problem checkers (they import this file; the checker
 * loader bundles it into each checker, checks/checker-loader.ts). A candidate's w-worker time is set
 * against its own one-worker time from the same grading run: speedup = best one-worker ms / best
 * w-worker ms, required = factor × min(w, cores), factor from problem.json checks.speedupFactor.
 */
import type { CheckContext } from "../../problem-package";
import type { CheckOutcome } from "../../report";

/** The catalogue's factor, for a problem.json that sets no checks.speedupFactor. */
export const DEFAULT_SPEEDUP_FACTOR = 0.8;
/** Why the figures do not depend on machine load (said in every speedup message). */
export const SPEEDUP_METHOD = "virtual time: each thread's clock advances by its own CPU time, measured with the run's threads taking turns on the CPU, so neither machine load nor the threads' competition for cores changes the makespan";

export type SpeedupFigures = {
  oneWorkerMs: number;
  workersMs: number;
  speedup: number;
  required: number;
  workers: number;
  cores: number;
  repeats: number;
};

export interface SpeedupTimings {
  workers: number;
  /** Virtual ms of each one-worker run, and of each w-worker run (alternated, the best of each counts). */
  oneWorkerMs: number[];
  workersMs: number[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The speedup outcome; `subject` says what was timed, from the figures (the message's first part). */
export function speedupOutcome(ctx: CheckContext, t: SpeedupTimings, subject: (f: SpeedupFigures) => string): CheckOutcome {
  const factor = ctx.config.checks.speedupFactor ?? DEFAULT_SPEEDUP_FACTOR;
  const required = round(factor * Math.min(t.workers, ctx.cores), 2);
  const oneMs = Math.min(...t.oneWorkerMs);
  const manyMs = Math.min(...t.workersMs);
  const speedup = manyMs > 0 ? oneMs / manyMs : 0;
  const figures: SpeedupFigures = {
    oneWorkerMs: round(oneMs, 1), workersMs: round(manyMs, 1), speedup: round(speedup, 2), required, workers: t.workers, cores: ctx.cores,
    repeats: Math.min(t.oneWorkerMs.length, t.workersMs.length),
  };
  const message = `${subject(figures)}: speedup ${figures.speedup}, required ${required} (${factor} × min(${t.workers} workers, ${ctx.cores} cores)); ${SPEEDUP_METHOD}`;
  return { check: "speedup", passed: speedup >= required, verdict: "insufficient_speedup", message, figures };
}

/** The usual shape: runs tagged with their worker count, one and `workers` alternating after a warm-up call. */
export function speedupOfRuns(ctx: CheckContext, runs: { workers: number; ms: number }[], workers: number): CheckOutcome {
  const ms = (w: number) => runs.filter((r) => r.workers === w).map((r) => r.ms);
  return speedupOutcome(ctx, { workers, oneWorkerMs: ms(1), workersMs: ms(workers) }, (f) =>
    `${workers} workers took ${f.workersMs} ms, one worker ${f.oneWorkerMs} ms (best of ${runs.length / 2} alternating runs each, after a warm-up call)`);
}
