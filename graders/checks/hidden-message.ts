/**
 * A hidden test's report must not reveal its input, expected value or output. Engine messages are
 * written not to; a checker's result messages may quote values, so for hidden tests they are replaced.
 * Behaviour checks (blocking, concurrency, speedup) talk about time and counts and are kept.
 */
import type { CheckOutcome, Verdict } from "../report";

const KEPT: ReadonlySet<Verdict> = new Set(["blocked_event_loop", "insufficient_concurrency", "insufficient_speedup", "accepted"]);

export function redactCheckerOutcome(outcome: CheckOutcome): CheckOutcome {
  if (outcome.passed || KEPT.has(outcome.verdict)) return outcome;
  return { check: outcome.check, passed: outcome.passed, verdict: outcome.verdict, message: `Hidden test: the "${outcome.check}" check failed.` };
}
