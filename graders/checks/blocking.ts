/**
 * blocked_event_loop: the main thread's longest macrotask (CPU ms, so machine load cannot change it)
 * against problem.json checks.longestTaskMs.
 */
import type { CheckOutcome } from "../report";
import type { RunMetrics } from "../sandbox/run-spec";

const round = (ms: number) => Math.round(ms * 10) / 10;

export function blockingCheck(metrics: RunMetrics, limitMs: number | undefined): CheckOutcome | undefined {
  if (limitMs === undefined) return undefined;
  const longest = metrics.longestTaskMs;
  const passed = longest <= limitMs;
  const message = passed
    ? `The event loop was never blocked for more than ${limitMs} ms (longest task ${round(longest)} ms).`
    : `One task kept the event loop busy for ${round(longest)} ms of CPU time (at ${round(metrics.longestTaskAt)} ms); the limit is ${limitMs} ms. Split the work and yield between parts.`;
  return { check: "blocking", passed, verdict: "blocked_event_loop", message, figures: { longestTaskMs: round(longest), limitMs, atMs: round(metrics.longestTaskAt) } };
}
