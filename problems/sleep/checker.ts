import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Observation = { mode: "sequence" | "together"; ms: number[]; calledAt: number[]; resolvedAt: number[]; startedAt: number };

/**
 * Node's timers count from the event loop's cached clock, a whole millisecond taken when the loop
 * turn began (libuv's uv_now), and the sandbox does the same. So "never early" is measured from the
 * whole millisecond in which sleep() was called: `setTimeout(resolve, ms)` passes exactly, while
 * anything that fires even 1 ms sooner fails. The driver calls sleep() at the start of a macrotask,
 * so that millisecond is the loop's cached one. In a batch, every sleep is called in the same
 * macrotask, whose cached millisecond is the batch's start.
 */
function earliest(o: Observation, i: number): number {
  const base = o.mode === "together" ? o.startedAt : o.calledAt[i];
  return Math.floor(base) + o.ms[i];
}
/** Float rounding only: virtual timers fire at exact times. */
const EPSILON_MS = 1e-6;
/**
 * How late a sleep awaited on its own may resolve (virtual ms). A few callbacks take well under 1 ms,
 * but one CI run saw the reference's sleep(0) or sleep(1) resolve over 10 ms late once in three
 * gradings (a thread's CPU clock can take in a GC of the host's heap, or a VM's stolen time). Polling
 * is what this check catches, and it is late by its period (50 ms in wrong/poll-interval.ts).
 */
const LATE_MS = 25;
/**
 * A batch started together may end this much after its last deadline: sleeps that share that deadline
 * all resolve after it, each callback costing CPU (virtual) time; fifty equal sleeps measured 4-9 ms
 * over it, while sleeps run one after another overshoot by the sum of the others (hundreds of ms).
 */
const OVERLAP_SLACK_MS = 50;

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function neverEarly(o: Observation): CheckOutcome {
  const i = o.ms.findIndex((_, k) => o.resolvedAt[k] < earliest(o, k) - EPSILON_MS);
  if (i < 0) return { check: "never-early", passed: true, verdict: "wrong_answer", message: `all ${o.ms.length} sleeps resolved no earlier than asked` };
  const after = o.resolvedAt[i] - Math.floor(o.mode === "together" ? o.startedAt : o.calledAt[i]);
  return {
    check: "never-early",
    passed: false,
    verdict: "wrong_answer",
    message: `sleep #${i + 1} of ${o.ms.length} resolved ${fmt(after)} ms after it was called, earlier than the ${o.ms[i]} ms it was asked to wait`,
    figures: { sleep: i + 1, askedMs: o.ms[i], resolvedAfterMs: fmt(after) },
  };
}

/** Only for sleeps awaited one at a time: there nothing else can delay them. */
function onTime(o: Observation): CheckOutcome {
  const i = o.ms.findIndex((ms, k) => o.resolvedAt[k] - o.calledAt[k] > ms + LATE_MS);
  if (i < 0) return { check: "on-time", passed: true, verdict: "wrong_answer", message: `every sleep resolved within ${LATE_MS} ms of its deadline`, figures: { lateAllowedMs: LATE_MS } };
  const after = o.resolvedAt[i] - o.calledAt[i];
  return {
    check: "on-time",
    passed: false,
    verdict: "wrong_answer",
    message: `sleep #${i + 1} of ${o.ms.length} resolved ${fmt(after)} ms after it was called, more than ${LATE_MS} ms after its ${o.ms[i]} ms deadline`,
    figures: { sleep: i + 1, askedMs: o.ms[i], resolvedAfterMs: fmt(after), lateAllowedMs: LATE_MS },
  };
}

/**
 * The batch must end when its last deadline is due: the calls themselves take some CPU time (the
 * driver's and the candidate's), so each deadline counts from its own call.
 */
function overlap(o: Observation): CheckOutcome {
  const longest = Math.max(...o.ms);
  const lastDeadline = Math.max(...o.ms.map((ms, i) => o.calledAt[i] + ms)) - o.startedAt;
  const makespan = Math.max(...o.resolvedAt) - o.startedAt;
  const allowed = lastDeadline + OVERLAP_SLACK_MS;
  const passed = makespan <= allowed;
  return {
    check: "concurrency",
    passed,
    verdict: "insufficient_concurrency",
    message: passed
      ? `${o.ms.length} sleeps started together finished in ${fmt(makespan)} ms (longest sleep ${longest} ms)`
      : `${o.ms.length} sleeps started together took ${fmt(makespan)} ms of virtual time, but the longest of them is ${longest} ms: they did not overlap (allowed ${fmt(allowed)} ms)`,
    figures: { makespanMs: fmt(makespan), longestSleepMs: longest, allowedMs: fmt(allowed) },
  };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const o = ctx.value as Observation;
  return [neverEarly(o), o.mode === "sequence" ? onTime(o) : overlap(o)];
}
