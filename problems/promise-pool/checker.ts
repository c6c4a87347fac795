import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type TaskSpec = { ms: number | null; value?: unknown; error?: string };
type Input = { limit: number; tasks: TaskSpec[] };
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
 * The pool must reject in the same burst of microtasks as the first rejection: well under 1 ms of CPU.
 * The slack is wide because a thread's CPU clock once took in 12 ms that the program did not spend (a
 * CI run, the makespan below); a pool that waits for its running tasks is late by a task's length.
 */
const REJECT_SLACK_MS = 20;
/**
 * Makespan allowed over the ideal schedule: the CPU time of the bookkeeping between tasks, JIT
 * compilation included (a correct pool measured up to 3.5 ms over on a 16 ms test; a batching one
 * 60 ms over on a 100 ms test). In one CI run, on a busy machine, the reference read 14.8 ms over on
 * a 100 ms test, where it reads 2.6 on a quiet one.
 */
const MAKESPAN_SLACK_MS = 25;
const MAKESPAN_SLACK_RATIO = 0.02;

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
const ok = (check: string, message: string, figures?: CheckOutcome["figures"]): CheckOutcome => ({ check, passed: true, verdict: "wrong_answer", message, figures });
const fail = (check: string, verdict: CheckOutcome["verdict"], message: string, figures?: CheckOutcome["figures"]): CheckOutcome => ({ check, passed: false, verdict, message, figures });

/**
 * The makespan of the schedule the statement asks for: tasks start in input order, each as soon
 * as one of the `limit` slots frees up.
 */
export function greedyMakespan(durations: number[], limit: number): number {
  const free: number[] = new Array(Math.min(limit, durations.length)).fill(0);
  let end = 0;
  for (const d of durations) {
    let k = 0;
    for (let j = 1; j < free.length; j++) if (free[j] < free[k]) k = j;
    free[k] += d;
    end = Math.max(end, free[k]);
  }
  return end;
}

function firstRejection(specs: TaskSpec[], o: Observation): number {
  let best = -1;
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].error === undefined || o.settled[i] < 0) continue;
    if (best < 0 || o.settled[i] < o.settled[best]) best = i;
  }
  return best;
}

function callsCheck(specs: TaskSpec[], o: Observation): CheckOutcome {
  const twice = o.calls.findIndex((c) => c > 1);
  if (twice >= 0) return fail("calls", "wrong_answer", `task #${twice + 1} was started ${o.calls[twice]} times; every task must be started at most once`);
  const mayStop = specs.some((t) => t.error !== undefined);
  const never = o.calls.findIndex((c) => c === 0);
  if (!mayStop && never >= 0) return fail("calls", "wrong_answer", `task #${never + 1} was never started`);
  return ok("calls", "no task was started twice");
}

function resultCheck(specs: TaskSpec[], o: Observation): CheckOutcome {
  const out = o.outcome;
  if (out.kind === "threw") return fail("result", "wrong_answer", `promisePool threw synchronously (${out.reason}) instead of returning a promise`);
  const first = firstRejection(specs, o);
  if (specs.every((t) => t.error === undefined)) {
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
  if (first < 0) {
    // The pool stopped before reaching any failing task: that can only be a wrong early settle.
    return fail("result", "wrong_answer", out.kind === "resolved" ? "resolved before every task had run" : "rejected although no started task had rejected");
  }
  if (out.kind === "resolved") return fail("result", "wrong_answer", "a task rejected, yet the promise resolved");
  if (out.reasonIndex !== first) {
    const what = out.reasonIndex < 0 ? "a reason that is not any task's rejection reason" : `the reason of task #${out.reasonIndex + 1}`;
    return fail("result", "wrong_answer", `rejected with ${what}; expected the reason of task #${first + 1}, the first to reject`);
  }
  return ok("result", `rejected with the reason of task #${first + 1}, the first to reject`);
}

/** After the first rejection no new task may start. */
function stopCheck(specs: TaskSpec[], o: Observation): CheckOutcome | undefined {
  const first = firstRejection(specs, o);
  if (first < 0) return undefined;
  const at = o.events.indexOf(`e${first}`);
  const late = o.events.slice(at + 1).filter((e) => e.startsWith("s")).length;
  if (late === 0) return ok("stop-on-rejection", "no task was started after the first rejection");
  return fail("stop-on-rejection", "wrong_answer", `${late} task(s) were started after task #${first + 1} had rejected; after the first rejection no further task may start`, { startedAfterRejection: late });
}

function rejectTimingCheck(specs: TaskSpec[], o: Observation): CheckOutcome | undefined {
  if (o.outcome.kind !== "rejected") return undefined;
  const first = firstRejection(specs, o);
  if (first < 0) return undefined;
  const due = o.settled[first];
  const figures = { taskRejectedAtMs: fmt(due), poolRejectedAtMs: fmt(o.outcome.at), slackMs: REJECT_SLACK_MS };
  if (o.outcome.at - due <= REJECT_SLACK_MS) return ok("rejection-timing", "rejected as soon as the first task rejected", figures);
  return fail("rejection-timing", "wrong_answer", `task #${first + 1} rejected at ${fmt(due)} ms, but the pool only rejected at ${fmt(o.outcome.at)} ms: it must reject as soon as the first rejection happens`, figures);
}

function limitCheck(limit: number, o: Observation): CheckOutcome {
  let inFlight = 0;
  let peak = 0;
  for (const e of o.events) {
    inFlight += e.startsWith("s") ? 1 : -1;
    peak = Math.max(peak, inFlight);
  }
  const figures = { limit, peakInFlight: peak };
  if (peak <= limit) return ok("limit", `at most ${peak} task(s) in flight at once (limit ${limit})`, figures);
  return fail("limit", "insufficient_concurrency", `a concurrency limit was broken: ${peak} tasks were in flight at once, but the limit is ${limit}`, figures);
}

function makespanCheck(input: Input, o: Observation): CheckOutcome | undefined {
  if (o.outcome.kind !== "resolved" || input.tasks.some((t) => t.error !== undefined)) return undefined;
  const ideal = greedyMakespan(input.tasks.map((t) => t.ms ?? 0), input.limit);
  const allowed = ideal + MAKESPAN_SLACK_MS + ideal * MAKESPAN_SLACK_RATIO;
  const figures = { makespanMs: fmt(o.outcome.at), idealMs: fmt(ideal), allowedMs: fmt(allowed) };
  if (o.outcome.at <= allowed) return ok("concurrency", `finished in ${fmt(o.outcome.at)} ms; the ideal schedule takes ${fmt(ideal)} ms`, figures);
  return fail("concurrency", "insufficient_concurrency", `took ${fmt(o.outcome.at)} ms of virtual time; starting each task as soon as a slot frees up takes ${fmt(ideal)} ms (allowed ${fmt(allowed)} ms)`, figures);
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const o = ctx.value as Observation;
  const out: CheckOutcome[] = [callsCheck(input.tasks, o), resultCheck(input.tasks, o)];
  for (const c of [stopCheck(input.tasks, o), rejectTimingCheck(input.tasks, o)]) if (c) out.push(c);
  out.push(limitCheck(input.limit, o));
  const m = makespanCheck(input, o);
  if (m) out.push(m);
  return out;
}
