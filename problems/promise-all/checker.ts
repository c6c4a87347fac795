import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type TaskSpec = { ms: number | null; value?: unknown; error?: string };
type Observation = {
  events: string[];
  calls: number[];
  started: number[];
  settled: number[];
  outcome:
    | { kind: "resolved"; at: number; isArray: boolean; length: number; items: (string | null)[] }
    | { kind: "rejected"; at: number; reasonIndex: number; reason: string }
    | { kind: "threw"; at: number; reason: string };
};

/**
 * The rejection must follow the task's own rejection in the same burst of microtasks: well under 1 ms
 * of CPU. The slack is wide because a thread's CPU clock can take in a spike it did not spend (12 ms
 * once in CI, promise-pool's checker); waiting for the other promises is late by their length.
 */
const REJECT_SLACK_MS = 20;
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
const ok = (check: string, message: string, figures?: CheckOutcome["figures"]): CheckOutcome => ({ check, passed: true, verdict: "wrong_answer", message, figures });
const fail = (check: string, verdict: CheckOutcome["verdict"], message: string, figures?: CheckOutcome["figures"]): CheckOutcome => ({ check, passed: false, verdict, message, figures });

function callsCheck(o: Observation): CheckOutcome {
  const i = o.calls.findIndex((c) => c !== 1);
  if (i < 0) return ok("calls", `each of the ${o.calls.length} tasks was started exactly once`);
  return fail("calls", "wrong_answer", `task #${i + 1} was started ${o.calls[i]} times; every task must be started exactly once`);
}

/** The task whose rejection happened first (by when it settled), or -1. */
function firstRejection(specs: TaskSpec[], o: Observation): number {
  let best = -1;
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].error === undefined || o.settled[i] < 0) continue;
    if (best < 0 || o.settled[i] < o.settled[best]) best = i;
  }
  return best;
}

function resultCheck(specs: TaskSpec[], o: Observation): CheckOutcome {
  const out = o.outcome;
  if (out.kind === "threw") return fail("result", "wrong_answer", `promiseAll threw synchronously (${out.reason}) instead of returning a promise`);
  const hasError = specs.some((t) => t.error !== undefined);
  if (!hasError) {
    if (out.kind !== "resolved") return fail("result", "wrong_answer", "no task rejected, yet the promise rejected");
    if (!out.isArray) return fail("result", "wrong_answer", "the promise did not resolve with an array");
    if (out.length !== specs.length) return fail("result", "wrong_answer", `expected ${specs.length} results, got ${out.length}`);
    for (let i = 0; i < specs.length; i++) {
      const want = specs[i].value === undefined ? "undefined" : JSON.stringify(specs[i].value);
      if (out.items[i] === null) return fail("result", "wrong_answer", `result #${i + 1} is missing (a hole in the array)`);
      if (out.items[i] !== want) return fail("result", "wrong_answer", `result #${i + 1} is not the value of task #${i + 1}: results must be in input order`);
    }
    return ok("result", `resolved with all ${specs.length} results in input order`);
  }
  const first = firstRejection(specs, o);
  if (out.kind === "resolved") return fail("result", "wrong_answer", "a task rejected, yet the promise resolved");
  if (first < 0) return fail("result", "wrong_answer", "the promise rejected before any task had rejected");
  if (out.reasonIndex !== first) {
    const what = out.reasonIndex < 0 ? "a reason that is not any task's rejection reason" : `the reason of task #${out.reasonIndex + 1}`;
    return fail("result", "wrong_answer", `rejected with ${what}; expected the reason of task #${first + 1}, the first to reject`);
  }
  return ok("result", `rejected with the reason of task #${first + 1}, the first to reject`);
}

function rejectTimingCheck(specs: TaskSpec[], o: Observation): CheckOutcome | undefined {
  if (o.outcome.kind !== "rejected") return undefined;
  const first = firstRejection(specs, o);
  if (first < 0) return undefined;
  const due = o.settled[first];
  const late = o.outcome.at - due;
  const figures = { taskRejectedAtMs: fmt(due), promiseRejectedAtMs: fmt(o.outcome.at), slackMs: REJECT_SLACK_MS };
  if (late <= REJECT_SLACK_MS) return ok("rejection-timing", "rejected as soon as the first task rejected", figures);
  return fail("rejection-timing", "wrong_answer", `task #${first + 1} rejected at ${fmt(due)} ms, but the promise only rejected at ${fmt(o.outcome.at)} ms: it must reject as soon as the first rejection happens`, figures);
}

function concurrencyCheck(o: Observation): CheckOutcome {
  const n = o.calls.length;
  const firstSettle = o.events.findIndex((e) => e.startsWith("e"));
  const before = new Set(o.events.slice(0, firstSettle < 0 ? o.events.length : firstSettle).filter((e) => e.startsWith("s"))).size;
  const figures = { tasks: n, startedBeforeFirstSettle: before };
  if (before === n) return ok("concurrency", `all ${n} tasks were started before any of them settled`, figures);
  return fail("concurrency", "insufficient_concurrency", `only ${before} of ${n} tasks had been started when the first one settled: every task must be started at once, not one after another`, figures);
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const specs = (ctx.test.input as { tasks: TaskSpec[] }).tasks;
  const o = ctx.value as Observation;
  const out = [callsCheck(o), resultCheck(specs, o)];
  const timing = rejectTimingCheck(specs, o);
  if (timing) out.push(timing);
  if (specs.length > 0) out.push(concurrencyCheck(o));
  return out;
}
