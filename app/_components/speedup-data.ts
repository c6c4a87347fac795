// The figures behind a speedup verdict, shaped for speedup-chart.tsx: the candidate's one-worker run against
// its w-worker run, as checkers write them in a "speedup" check (count-primes, matrix-multiply, ...).
import type { CheckOutcome } from "../../graders/report";

export interface SpeedupFigures {
  oneWorkerMs: number;
  workersMs: number;
  speedup: number;
  required: number;
  /** Worker count of the parallel run, when the check names it. */
  workers?: number;
  passed: boolean;
  /** Every timed call in the order it ran ("1w 101.2, 2w 55.0, ..."), when the check lists them. */
  callsMs?: string;
}

function num(value: number | string | undefined): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** Null unless the test has a speedup check with both run times (a failed result check leaves none). */
export function speedupFigures(checks: CheckOutcome[] | undefined): SpeedupFigures | null {
  const check = checks?.find((c) => c.check === "speedup");
  const f = check?.figures;
  if (!check || !f) return null;
  const oneWorkerMs = num(f.oneWorkerMs);
  const workersMs = num(f.workersMs);
  const required = num(f.required);
  if (oneWorkerMs === undefined || workersMs === undefined || required === undefined || oneWorkerMs < 0 || workersMs < 0) return null;
  const speedup = num(f.speedup) ?? (workersMs > 0 ? oneWorkerMs / workersMs : 0);
  const callsMs = typeof f.callsMs === "string" && f.callsMs !== "" ? f.callsMs : undefined;
  return { oneWorkerMs, workersMs, speedup, required, workers: num(f.workers), passed: check.passed, ...(callsMs ? { callsMs } : {}) };
}

/** The parallel run's time that would have met the requirement: one worker's time over the required speedup. */
export function targetMs(f: SpeedupFigures): number {
  return f.required > 0 ? f.oneWorkerMs / f.required : f.oneWorkerMs;
}
