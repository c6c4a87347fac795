import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Observation = { mode: "sequence" | "together"; ms: number[]; elapsed: number[]; makespan: number };

/** Virtual timers fire at exact times, so only float rounding separates "on time" from "early". */
const EPSILON_MS = 1e-6;
/** How late a sleep may resolve (virtual ms): the CPU time of a few callbacks, with a wide margin. */
const LATE_MS = 10;
/** A batch started together may take this much longer than its longest sleep. */
const OVERLAP_SLACK_MS = 10;

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function neverEarly(o: Observation): CheckOutcome {
  const i = o.elapsed.findIndex((e, k) => e < o.ms[k] - EPSILON_MS);
  return {
    check: "never-early",
    passed: i < 0,
    verdict: "wrong_answer",
    message:
      i < 0
        ? `all ${o.ms.length} sleeps resolved no earlier than asked`
        : `sleep #${i + 1} of ${o.ms.length} resolved after ${fmt(o.elapsed[i])} ms, earlier than the ${o.ms[i]} ms it was asked to wait`,
    figures: i < 0 ? {} : { sleep: i + 1, askedMs: o.ms[i], resolvedAfterMs: fmt(o.elapsed[i]) },
  };
}

/** Only for sleeps awaited one at a time: there nothing else can delay them. */
function onTime(o: Observation): CheckOutcome {
  const i = o.elapsed.findIndex((e, k) => e > o.ms[k] + LATE_MS);
  return {
    check: "on-time",
    passed: i < 0,
    verdict: "wrong_answer",
    message:
      i < 0
        ? `every sleep resolved within ${LATE_MS} ms of its deadline`
        : `sleep #${i + 1} of ${o.ms.length} resolved after ${fmt(o.elapsed[i])} ms, more than ${LATE_MS} ms after its ${o.ms[i]} ms deadline`,
    figures: i < 0 ? { lateAllowedMs: LATE_MS } : { sleep: i + 1, askedMs: o.ms[i], resolvedAfterMs: fmt(o.elapsed[i]), lateAllowedMs: LATE_MS },
  };
}

function overlap(o: Observation): CheckOutcome {
  const longest = Math.max(...o.ms);
  const allowed = longest + OVERLAP_SLACK_MS;
  const passed = o.makespan <= allowed;
  return {
    check: "concurrency",
    passed,
    verdict: "insufficient_concurrency",
    message: passed
      ? `${o.ms.length} sleeps started together finished in ${fmt(o.makespan)} ms (longest sleep ${longest} ms)`
      : `${o.ms.length} sleeps started together took ${fmt(o.makespan)} ms of virtual time, but the longest of them is ${longest} ms: they did not overlap (allowed ${allowed} ms)`,
    figures: { makespanMs: fmt(o.makespan), longestSleepMs: longest, allowedMs: allowed },
  };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const o = ctx.value as Observation;
  const out = [neverEarly(o)];
  out.push(o.mode === "sequence" ? onTime(o) : overlap(o));
  return out;
}
