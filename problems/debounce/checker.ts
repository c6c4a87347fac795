import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Input = { ms: number; functions?: number; until: number };
type Observation = {
  done: { fn: number; at: number; kind: "call" | "cancel"; args: string }[];
  runs: { fn: number; at: number; args: string }[];
};
type Expected = { at: number; args: string; callAt: number };

/** How late a run may come (virtual ms): the CPU time of a few callbacks, with a wide margin. */
const LATE_MS = 5;
/** Float rounding only: virtual timers are exact. */
const EPSILON_MS = 1e-6;
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/** The runs a trailing-edge debounce must make, from what the driver really did and when. */
function expectedRuns(o: Observation, fn: number, ms: number, until: number): Expected[] {
  const out: Expected[] = [];
  let pending: Expected | undefined;
  for (const step of o.done.filter((d) => d.fn === fn)) {
    if (pending && pending.at <= step.at) out.push(pending);
    // A call restarts the wait with its own arguments; a cancel drops what was pending.
    pending = step.kind === "call" ? { at: step.at + ms, args: step.args, callAt: step.at } : undefined;
  }
  if (pending && pending.at <= until) out.push(pending);
  return out;
}

function checkFunction(o: Observation, fn: number, ms: number, until: number, many: boolean): CheckOutcome {
  const name = many ? `debounced function #${fn + 1}` : "fn";
  const want = expectedRuns(o, fn, ms, until);
  const got = o.runs.filter((r) => r.fn === fn);
  const fail = (message: string, figures?: CheckOutcome["figures"]): CheckOutcome => ({ check: many ? `runs of function #${fn + 1}` : "runs", passed: false, verdict: "wrong_answer", message, figures });
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    if (g.at < w.at - EPSILON_MS || g.at > w.at + LATE_MS) {
      return fail(`run #${i + 1} of ${name} came at ${fmt(g.at)} ms; it should come ${ms} ms after the last call before it (made at ${fmt(w.callAt)} ms), i.e. at ${fmt(w.at)} ms`, { runAtMs: fmt(g.at), expectedAtMs: fmt(w.at), lateAllowedMs: LATE_MS });
    }
    if (g.args !== w.args) return fail(`run #${i + 1} of ${name} got other arguments than the last call before it (the call at ${fmt(w.callAt)} ms)`);
  }
  if (got.length !== want.length) {
    const extra = got[want.length];
    const detail = got.length > want.length ? ` (an extra run at ${fmt(extra.at)} ms)` : "";
    return fail(`${name} ran ${got.length} time(s), expected ${want.length}${detail}`, { runs: got.length, expectedRuns: want.length });
  }
  return { check: many ? `runs of function #${fn + 1}` : "runs", passed: true, verdict: "wrong_answer", message: `${name} ran ${got.length} time(s), each ${ms} ms after the last call, with its arguments` };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const o = ctx.value as Observation;
  const n = input.functions ?? 1;
  return Array.from({ length: n }, (_, fn) => checkFunction(o, fn, input.ms, input.until, n > 1));
}
