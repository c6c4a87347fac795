import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";
import { VIRTUAL_TIME_METHOD, speedupOutcome } from "../../graders/checks/kit/speedup";

type MapRun = { fn: string; items: number; ms: number; ok?: boolean; rejected?: boolean; problem?: string; example?: { got: string; want: string } };
type Value = { kind: "maps" | "tiny" | "speedup"; poolSizes: number[]; maps: MapRun[]; workersLeft: number; sequentialMs?: number };

/** Tiny items: pool.map may take at most this much more virtual time than items.map(fn) on the main thread. */
const TINY_ALLOWANCE_MS = 100;

function mapOutcomes(value: Value, sample: boolean): CheckOutcome[] {
  return value.maps.map((m, i) => {
    const label = `map #${i + 1} (${m.fn} over ${m.items} item${m.items === 1 ? "" : "s"})`;
    if (m.ok) return { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: ${m.rejected ? "rejected with fn's error, as it should" : "results right, in order"}` };
    const example = sample && m.example ? ` (expected ${m.example.want}, got ${m.example.got})` : "";
    return { check: "result", passed: false, verdict: "wrong_answer", message: `${label}: ${m.problem}${example}` };
  });
}

function workersOutcome(ctx: CheckContext, value: Value): CheckOutcome {
  const allowed = value.poolSizes.reduce((a, b) => a + b, 0);
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const sizes = value.poolSizes.join(" + ");
  const message = passed
    ? `${created} worker thread(s) created for pool size ${sizes}, reused across map calls`
    : `${created} worker threads created, but a pool of size ${sizes} may create only ${allowed}: workers must be started once and reused for every item and every map`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

function closeOutcome(value: Value): CheckOutcome {
  const passed = value.workersLeft === 0;
  const message = passed
    ? "every worker had exited after close()"
    : `${value.workersLeft} worker(s) still running after close() resolved (the grader waited 1 s of virtual time): close() must end every worker`;
  return { check: "close", passed, verdict: "wrong_answer", message, figures: { workersLeft: value.workersLeft } };
}

function tinyOutcome(value: Value): CheckOutcome {
  const timed = value.maps.slice(1);
  const poolMs = Math.min(...timed.map((m) => m.ms));
  const sequentialMs = value.sequentialMs ?? 0;
  const allowedMs = sequentialMs + TINY_ALLOWANCE_MS;
  const r = (x: number) => Math.round(x * 10) / 10;
  const passed = poolMs <= allowedMs;
  const message =
    `pool.map over ${timed[0]?.items} tiny items took ${r(poolMs)} ms; items.map(fn) on the main thread took ${r(sequentialMs)} ms ` +
    `(best of ${timed.length} each); allowed: at most ${TINY_ALLOWANCE_MS} ms more (${r(allowedMs)} ms)` +
    (passed ? "" : ": send items to the workers in batches (chunks), not one message per item") +
    // The tiny-items test runs its threads side by side (no threadsInTurn): only the virtual-time part applies.
    `; ${VIRTUAL_TIME_METHOD}`;
  return { check: "tiny-items", passed, verdict: "insufficient_speedup", message, figures: { poolMs: r(poolMs), sequentialMs: r(sequentialMs), allowedMs: r(allowedMs) } };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.maps)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "the pool produced no result" }];
  const maps = mapOutcomes(value, ctx.test.sample);
  const firstWrong = maps.find((o) => !o.passed);
  const shown = value.kind === "maps" ? maps : firstWrong ? [firstWrong] : maps.slice(0, 2);
  const outcomes = [workersOutcome(ctx, value), ...shown, closeOutcome(value)];
  const resultsRight = value.maps.every((m) => m.ok);
  if (resultsRight && value.kind === "tiny") outcomes.push(tinyOutcome(value));
  if (resultsRight && value.kind === "speedup") outcomes.push(poolSpeedup(ctx, value));
  return outcomes;
}

function poolSpeedup(ctx: CheckContext, value: Value): CheckOutcome {
  const size = value.poolSizes[1];
  const oneWorkerMs = value.maps.filter((_, i) => i % 2 === 0).map((m) => m.ms);
  const workersMs = value.maps.filter((_, i) => i % 2 === 1).map((m) => m.ms);
  return speedupOutcome(ctx, { workers: size, oneWorkerMs, workersMs }, (f) =>
    `map on a pool of ${size} took ${f.workersMs} ms, on a pool of 1 ${f.oneWorkerMs} ms (medians of ${f.repeats} pairs of maps; speedup: the faster map of each side in every two consecutive pairs, the median of those ratios)`);
}
