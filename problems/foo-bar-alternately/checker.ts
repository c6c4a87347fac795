import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

interface ThreadReport {
  method: string;
  threadId: number;
  driverMs: number;
}
interface Observed {
  n: number;
  output: string;
  prints: number;
  threads: ThreadReport[];
  burnTotalMs: number;
}

/**
 * Under seed 0 each thread's prints burn 60 ms of CPU in total; a thread that polls for its turn
 * meanwhile collects tens of ms of CPU, one asleep in Atomics.wait almost none. The allowance is well
 * above the cost of starting a thread and a few hundred Atomics calls.
 */
const SPIN_ALLOWANCE_MS = 25;

export function check(ctx: CheckContext): CheckOutcome[] {
  const v = ctx.value as Observed;
  return [outputCheck(v), waitingCheck(ctx, v)];
}

function outputCheck(v: Observed): CheckOutcome {
  const want = "foobar".repeat(v.n);
  const passed = v.output === want && v.prints === 2 * v.n;
  if (passed) return { check: "output", passed, verdict: "wrong_answer", message: `printed "foobar" ${v.n} times` };
  let at = 0;
  while (at < want.length && v.output[at] === want[at]) at++;
  const message =
    v.prints !== 2 * v.n
      ? `expected ${2 * v.n} prints, got ${v.prints}`
      : `the output goes wrong at print ${Math.floor(at / 3) + 1}: "${v.output.slice(at, at + 3)}" where "${want.slice(at, at + 3)}" was due`;
  return { check: "output", passed, verdict: "wrong_answer", message };
}

function waitingCheck(ctx: CheckContext, v: Observed): CheckOutcome {
  if (!v.burnTotalMs) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "waiting is measured on the unperturbed schedule only" };
  }
  const cpu = new Map(ctx.metrics.threads.map((t) => [t.threadId, t.cpuMs]));
  if (!v.threads.every((t) => cpu.has(t.threadId))) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "per-thread CPU time was not reported; waiting not measured" };
  }
  const idle = v.threads.find((t) => t.method === "idle");
  const own = v.threads.filter((t) => t !== idle).map((t) => ({ method: t.method, ownMs: cpu.get(t.threadId)! - t.driverMs }));
  // The idle thread builds a FooBar and sleeps: the CPU cost of a thread that never waits for its turn.
  const base = idle ? cpu.get(idle.threadId)! : Math.min(...own.map((t) => t.ownMs));
  const worst = own.reduce((a, b) => (b.ownMs > a.ownMs ? b : a));
  const extra = worst.ownMs - base;
  const passed = extra <= SPIN_ALLOWANCE_MS;
  const message = passed
    ? "the waiting thread slept while it waited"
    : `the thread calling ${worst.method}() used ${extra.toFixed(1)} ms more CPU than an idle thread while it waited for its turn ` +
      `(allowed: ${SPIN_ALLOWANCE_MS} ms): it busy-waits instead of sleeping in Atomics.wait`;
  return { check: "waiting", passed, verdict: "blocked_event_loop", message, figures: { extraCpuMs: Number(extra.toFixed(2)), allowanceMs: SPIN_ALLOWANCE_MS } };
}
