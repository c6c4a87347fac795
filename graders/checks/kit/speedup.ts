/**
 * The catalogue's parallel-speedup check, for problem checkers (they import this file; the checker
 * loader bundles it into each checker, checks/checker-loader.ts). A candidate's w-worker time is set
 * against its own one-worker time from the same grading run. The runs come in rounds (a one-worker and a
 * w-worker call next to each other in time); for every two consecutive rounds the ratio of the faster
 * one-worker call to the faster w-worker call is taken, and speedup is the median of these ratios.
 * Required = factor × min(w, cores), factor from problem.json checks.speedupFactor.
 *
 * Why windows and a median, not the best run of each side: a virtual machine's core does not keep one
 * speed. Here a core once turned about 1.6x slower in the middle of a run and stayed so (a host
 * neighbour, invisible from inside), and with the best of each side a fast spell over one side's calls
 * alone decides the figure (a correct word-frequency read 0.88 in one CI run). Calls close in time see
 * the same machine; the faster of two drops a call that a GC or page faults slowed; the median ignores
 * the windows that a change of speed split. Measured under a CPU hog, word-frequency's sequential
 * solution read 0.98-1.05 and its correct ones 1.24-1.45 with twelve rounds.
 */
import type { CheckContext } from "../../problem-package";
import type { CheckOutcome } from "../../report";

/** The catalogue's factor, for a problem.json that sets no checks.speedupFactor. */
export const DEFAULT_SPEEDUP_FACTOR = 0.8;
const CLOCK = "virtual time: each thread's clock advances by its own CPU time";
/** Why a virtual-time figure does not depend on machine load (for checks that compare makespans). */
export const VIRTUAL_TIME_METHOD = `${CLOCK}, so the makespan does not depend on machine load`;
/** How a speedup figure is measured (said in every speedup message; the test runs with threadsInTurn). */
export const SPEEDUP_METHOD = `${CLOCK}, measured with the run's threads taking turns on one core, so neither machine load nor the threads' competition for cores changes the makespan; speedup is a median over rounds of back-to-back runs`;

export type SpeedupFigures = {
  oneWorkerMs: number;
  workersMs: number;
  speedup: number;
  required: number;
  workers: number;
  cores: number;
  /** Rounds (a one-worker and a w-worker call, back to back) the figures come from. */
  repeats: number;
  /** Every timed call in the order it ran, e.g. "1w 101.2, 2w 55.0, 2w 54.8, 1w 100.9": the spread behind the medians. */
  callsMs?: string;
};

export interface SpeedupTimings {
  workers: number;
  /** Virtual ms of each one-worker run, and of each w-worker run: run i of each side is a pair, next to each other in time. */
  oneWorkerMs: number[];
  workersMs: number[];
}

/**
 * One ratio per two consecutive pairs: the faster one-worker run of the two over the faster w-worker
 * run. Within a window the machine is the same, and a call that a GC or page faults slowed is dropped.
 */
function windowRatios(one: number[], many: number[]): number[] {
  const ratio = (a: number[], b: number[]) => (Math.min(...b) > 0 ? Math.min(...a) / Math.min(...b) : 0);
  if (one.length < 2) return [ratio(one, many)];
  return one.slice(1).map((_, i) => ratio(one.slice(i, i + 2), many.slice(i, i + 2)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The speedup outcome; `subject` says what was timed, from the figures (the message's first part). */
export function speedupOutcome(ctx: CheckContext, t: SpeedupTimings, subject: (f: SpeedupFigures) => string, callsMs?: string): CheckOutcome {
  const factor = ctx.config.checks.speedupFactor ?? DEFAULT_SPEEDUP_FACTOR;
  const required = round(factor * Math.min(t.workers, ctx.cores), 2);
  const pairs = Math.min(t.oneWorkerMs.length, t.workersMs.length);
  const one = t.oneWorkerMs.slice(0, pairs);
  const many = t.workersMs.slice(0, pairs);
  const speedup = median(windowRatios(one, many));
  const figures: SpeedupFigures = {
    oneWorkerMs: round(median(one), 1), workersMs: round(median(many), 1), speedup: round(speedup, 2), required, workers: t.workers, cores: ctx.cores,
    repeats: pairs, ...(callsMs ? { callsMs } : {}),
  };
  const message = `${subject(figures)}: speedup ${figures.speedup}, required ${required} (${factor} × min(${t.workers} workers, ${ctx.cores} cores)); ${SPEEDUP_METHOD}`;
  return { check: "speedup", passed: speedup >= required, verdict: "insufficient_speedup", message, figures };
}

/**
 * The usual shape: runs tagged with their worker count, after a warm-up call, in pairs in balanced
 * order (1, w, w, 1, 1, w, ...), so that the k-th run of each side are next to each other.
 */
export function speedupOfRuns(ctx: CheckContext, runs: { workers: number; ms: number }[], workers: number): CheckOutcome {
  const ms = (w: number) => runs.filter((r) => r.workers === w).map((r) => r.ms);
  const calls = runs.map((r) => `${r.workers}w ${round(r.ms, 1)}`).join(", ");
  return speedupOutcome(ctx, { workers, oneWorkerMs: ms(1), workersMs: ms(workers) }, (f) =>
    `${workers} workers took ${f.workersMs} ms, one worker ${f.oneWorkerMs} ms (medians of ${f.repeats} rounds, after a warm-up call; speedup: the faster call of each side in every two consecutive rounds, the median of those ratios)`, calls);
}
