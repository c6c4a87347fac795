import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

interface ThreadReport {
  method: string;
  threadId: number;
  driverMs: number;
}
interface Observed {
  order: string[];
  printed: string[];
  prints: number;
  threads: ThreadReport[];
  burnMs: number;
}

/**
 * A thread that sleeps in Atomics.wait uses almost no CPU while it waits; one that polls in a loop
 * uses CPU for as long as the others keep it waiting. Waiting is measured on the schedule where the
 * prints of first and second burn 60 ms each (seed 0), so a poller collects 40-120 ms. The allowance
 * is well above what starting a thread, building the object and a few Atomics calls cost, and well
 * below what polling through one 60 ms print costs.
 */
const SPIN_ALLOWANCE_MS = 25;
const MEASURED_BURN_MS = 60;
const EXPECTED = ["first", "second", "third"];

export function check(ctx: CheckContext): CheckOutcome[] {
  const v = ctx.value as Observed;
  return [orderCheck(v), waitingCheck(ctx, v)];
}

function orderCheck(v: Observed): CheckOutcome {
  const passed = v.prints === 3 && EXPECTED.every((m, i) => v.printed[i] === m);
  let message = "printed first, second, third";
  if (!passed) {
    message =
      v.prints === 3
        ? `printed ${v.printed.join(", ")} instead of first, second, third (calls started in the order ${v.order.join(", ")})`
        : `expected 3 prints, got ${v.prints}${v.prints ? ` (${v.printed.join(", ")})` : ""}`;
  }
  return { check: "order", passed, verdict: "wrong_answer", message };
}

function waitingCheck(ctx: CheckContext, v: Observed): CheckOutcome {
  const cpu = new Map(ctx.metrics.threads.map((t) => [t.threadId, t.cpuMs]));
  const own = v.threads.filter((t) => cpu.has(t.threadId)).map((t) => ({ ...t, ownMs: cpu.get(t.threadId)! - t.driverMs }));
  if (v.burnMs < MEASURED_BURN_MS) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "waiting is measured on the unperturbed schedule only" };
  }
  if (own.length < v.threads.length) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "per-thread CPU time was not reported; waiting not measured" };
  }
  // What the least busy thread spent is the cost of starting a thread and calling a method.
  const base = Math.min(...own.map((t) => t.ownMs));
  const worst = own.reduce((a, b) => (b.ownMs > a.ownMs ? b : a));
  const extra = worst.ownMs - base;
  const passed = extra <= SPIN_ALLOWANCE_MS;
  const message = passed
    ? "the waiting threads slept while they waited"
    : `the thread calling ${worst.method}() used ${extra.toFixed(1)} ms more CPU than the least busy thread while it waited ` +
      `(allowed: ${SPIN_ALLOWANCE_MS} ms): it busy-waits instead of sleeping in Atomics.wait`;
  return {
    check: "waiting",
    passed,
    verdict: "blocked_event_loop",
    message,
    figures: { busiestExtraCpuMs: Number(extra.toFixed(2)), allowanceMs: SPIN_ALLOWANCE_MS },
  };
}
