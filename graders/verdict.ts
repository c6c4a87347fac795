/**
 * Which verdict wins (catalogue, "Which verdict wins"). Tests run in a fixed order and the verdict is
 * that of the first failing test; within a test, the first failed check in VERDICT_PRECEDENCE order.
 * internal_error comes first: when the grader failed, nothing else it observed can be trusted.
 */
import type { CheckOutcome, Verdict } from "./report";
import type { RunStatus } from "./sandbox/run-spec";
import { GRADER_ERROR_CODES, isGraderErrorCode } from "./errors";

export const VERDICT_PRECEDENCE: readonly Verdict[] = [
  "internal_error",
  "compile_error",
  // what stopped the run
  "memory_limit_exceeded",
  "output_limit_exceeded",
  "resource_limit",
  "time_limit_exceeded",
  "deadlock",
  "runtime_error",
  // a wrong result
  "race_condition",
  "wrong_answer",
  // behaviour checks
  "blocked_event_loop",
  "insufficient_concurrency",
  "insufficient_speedup",
  "accepted",
];

export function precedence(verdict: Verdict): number {
  return VERDICT_PRECEDENCE.indexOf(verdict);
}

/** The failed check that decides a test, or undefined when every check passed. */
export function decisiveCheck(checks: readonly CheckOutcome[]): CheckOutcome | undefined {
  let best: CheckOutcome | undefined;
  for (const c of checks) {
    if (c.passed) continue;
    // Strictly lower rank only: among equal verdicts the first reported check explains the failure.
    if (!best || precedence(c.verdict) < precedence(best.verdict)) best = c;
  }
  return best;
}

/** Verdict of one test from its checks. */
export function testVerdict(checks: readonly CheckOutcome[]): Verdict {
  return decisiveCheck(checks)?.verdict ?? "accepted";
}

/** Verdict of a submission: the first failing test's, in run order; accepted only when there are tests and all pass. */
export function submissionVerdict(tests: readonly { verdict: Verdict }[]): Verdict {
  if (tests.length === 0) return "internal_error";
  return tests.find((t) => t.verdict !== "accepted")?.verdict ?? "accepted";
}

const STATUS_VERDICT: Record<RunStatus, Verdict | undefined> = {
  ok: undefined,
  runtime_error: "runtime_error",
  time_limit_exceeded: "time_limit_exceeded",
  memory_limit_exceeded: "memory_limit_exceeded",
  output_limit_exceeded: "output_limit_exceeded",
  resource_limit: "resource_limit",
  deadlock: "deadlock",
  internal_error: "internal_error",
};

/** What a run's status means for the verdict (undefined: the run completed). */
export function verdictForStatus(status: RunStatus): Verdict | undefined {
  return STATUS_VERDICT[status];
}

/** An error code (GraderError or serialized) -> the verdict it gives; unknown codes are the grader's fault. */
export function verdictForErrorCode(code: string): Verdict {
  return isGraderErrorCode(code) ? GRADER_ERROR_CODES[code].verdict : "internal_error";
}
