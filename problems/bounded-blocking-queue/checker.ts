import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

interface ThreadReport {
  role: "producer" | "consumer" | "idle";
  threadId: number;
  dequeued: number[];
  minSize: number | null;
  maxSize: number | null;
  maxHeld: number;
  driverMs: number;
}
interface Observed {
  capacity: number;
  enqueued: number[];
  reports: ThreadReport[];
  schedule: string;
  waitingMeasured: boolean;
}

/**
 * Under seed 0, in tests that delay one side by tens of ms, the other side has to wait that long.
 * Asleep in Atomics.wait it uses almost no CPU; polling, it collects tens of ms. The allowance is
 * well above what starting a thread and a few dozen queue calls cost.
 */
const SPIN_ALLOWANCE_MS = 25;

export function check(ctx: CheckContext): CheckOutcome[] {
  const v = ctx.value as Observed;
  return [itemsCheck(v), capacityCheck(v), waitingCheck(ctx, v)];
}

function counts(values: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const x of values) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function itemsCheck(v: Observed): CheckOutcome {
  const dequeued = v.reports.flatMap((r) => r.dequeued);
  const want = counts(v.enqueued);
  const got = counts(dequeued);
  let missing = 0;
  let extra = 0;
  for (const [x, n] of want) missing += Math.max(0, n - (got.get(x) ?? 0));
  for (const [x, n] of got) extra += Math.max(0, n - (want.get(x) ?? 0));
  const passed = missing === 0 && extra === 0;
  const message = passed
    ? `every one of the ${v.enqueued.length} enqueued items was dequeued exactly once`
    : `of ${v.enqueued.length} enqueued items, ${missing} never came out and ${extra} dequeued values were never enqueued or came out twice`;
  return { check: "items", passed, verdict: "wrong_answer", message, figures: { enqueued: v.enqueued.length, missing, extra } };
}

function capacityCheck(v: Observed): CheckOutcome {
  const workers = v.reports.filter((r) => r.role !== "idle");
  const maxHeld = Math.max(0, ...workers.map((r) => r.maxHeld));
  const sizes = workers.flatMap((r) => [r.minSize, r.maxSize]).filter((s): s is number => typeof s === "number");
  const badSize = sizes.find((s) => !(Number.isInteger(s) && s >= 0 && s <= v.capacity));
  const passed = maxHeld <= v.capacity && badSize === undefined;
  let message = `the queue never held more than its capacity of ${v.capacity}`;
  if (maxHeld > v.capacity) {
    message = `${maxHeld} enqueue calls had returned beyond the dequeue calls started so far, with capacity ${v.capacity}: enqueue did not block while the queue was full`;
  } else if (badSize !== undefined) {
    message = `size() returned ${badSize}, outside 0..${v.capacity}`;
  }
  return { check: "capacity", passed, verdict: "wrong_answer", message, figures: { capacity: v.capacity, maxHeld } };
}

function waitingCheck(ctx: CheckContext, v: Observed): CheckOutcome {
  if (!v.waitingMeasured) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "waiting is measured on the unperturbed schedule of tests with a delayed side" };
  }
  const cpu = new Map(ctx.metrics.threads.map((t) => [t.threadId, t.cpuMs]));
  const idle = v.reports.find((r) => r.role === "idle");
  if (!idle || !v.reports.every((r) => cpu.has(r.threadId))) {
    return { check: "waiting", passed: true, verdict: "blocked_event_loop", message: "per-thread CPU time was not reported; waiting not measured" };
  }
  const base = cpu.get(idle.threadId)!;
  const own = v.reports.filter((r) => r !== idle).map((r) => ({ role: r.role, extra: cpu.get(r.threadId)! - r.driverMs - base }));
  const worst = own.reduce((a, b) => (b.extra > a.extra ? b : a));
  const passed = worst.extra <= SPIN_ALLOWANCE_MS;
  const message = passed
    ? "waiting threads slept while they waited"
    : `a ${worst.role} thread used ${worst.extra.toFixed(1)} ms more CPU than an idle thread (allowed: ${SPIN_ALLOWANCE_MS} ms) ` +
      `while the queue was ${worst.role === "producer" ? "full" : "empty"}: it busy-waits instead of sleeping in Atomics.wait`;
  return { check: "waiting", passed, verdict: "blocked_event_loop", message, figures: { extraCpuMs: Number(worst.extra.toFixed(2)), allowanceMs: SPIN_ALLOWANCE_MS } };
}
