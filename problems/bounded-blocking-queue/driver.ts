/**
 * bounded-blocking-queue driver (trusted, runs in the sandbox).
 *
 * Producer and consumer threads share one zero-filled SharedArrayBuffer of bytes(capacity) bytes. Each
 * builds a BoundedBlockingQueue(sab, capacity), waits at a barrier (on a driver-owned buffer the
 * candidate never sees) until every thread has built its own, then works: a producer enqueues its
 * items in order, a consumer dequeues its count. After every call the thread reads size().
 *
 * What the driver records, besides the values: enqueue calls that have returned (E) and dequeue
 * calls that have started (D). An item whose enqueue returned is in the queue until some dequeue that
 * started takes it, so E - D is a lower bound on what the queue holds: E - D > capacity proves the
 * capacity was exceeded, whatever size() says.
 *
 * Schedules. Seed 0: when the test has no delays and the capacity holds every item (no call can
 * block), the threads run one after another (producers, then consumers); otherwise all at once. The
 * other seeds start the threads in a shuffled order and release them together after seeded delays.
 * Tests may delay one side (`producerDelayMs` / `consumerDelayMs`: that side burns CPU before its
 * first call, then waits for the other side: holdBack) so the queue is certainly empty, or full, when
 * the other side starts. Under seed 0 the
 * delay is the test's (tens of ms) and an idle thread measures the CPU cost of a thread that does
 * nothing: a thread that polls instead of sleeping shows tens of ms more.
 */
import * as h from "grader:harness";

interface QueueLike {
  enqueue(x: number): void;
  dequeue(): number;
  size(): number;
}
type Solution = { BoundedBlockingQueue: { bytes(capacity: number): number; new (sab: SharedArrayBuffer, capacity: number): QueueLike } };
interface Input {
  capacity: number;
  producers: number[][];
  consumers: number[];
  producerDelayMs?: number;
  consumerDelayMs?: number;
}
type Role = "producer" | "consumer" | "idle";
interface ThreadData {
  sab: SharedArrayBuffer;
  ctl: SharedArrayBuffer;
  capacity: number;
  role: Role;
  items: number[];
  count: number;
  parties: number;
  /** Sequential schedule: this thread's turn; -1 when all run together. */
  turn: number;
  delayMs: number;
}
export interface ThreadReport {
  role: Role;
  threadId: number;
  dequeued: number[];
  minSize: number | null;
  maxSize: number | null;
  /** Largest E - D seen right after an enqueue returned. */
  maxHeld: number;
  driverMs: number;
}

// Slots of the driver's control buffer.
const ARRIVED = 0;
const GO = 1;
const TURN = 2;
const ENQ_DONE = 3;
const DEQ_STARTED = 4;
const WORKERS_DONE = 5;

function barrier(ctl: Int32Array, parties: number): void {
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === parties) {
    Atomics.store(ctl, GO, 1);
    Atomics.notify(ctl, GO);
    return;
  }
  while (Atomics.load(ctl, GO) === 0) Atomics.wait(ctl, GO, 0);
}

/** Burn about `ms` of this thread's CPU (its virtual clock); bounded in case the clock is coarse. */
function spin(ms: number): number {
  if (ms <= 0) return 0;
  const start = h.now();
  for (let i = 0; i < 200_000_000 && h.now() - start < ms; i++);
  return h.now() - start;
}

/** How long (virtual ms) a delayed side waits for the other side to fill (or drain) the queue. */
const PATIENCE_MS = 50;

/**
 * After its delay, the delayed side also waits until the other side has got where the test wants it:
 * a delayed consumer until one enqueue more than the capacity was started and returned (a correct
 * queue blocks it, so that never happens), a delayed producer until a dequeue has started on the empty
 * queue. The wait ends after PATIENCE_MS of virtual time, which only passes when every thread is
 * blocked: so "the queue is full (or empty) when the other side starts" holds whatever the load.
 */
function holdBack(ctl: Int32Array, data: ThreadData): void {
  const [cell, target] = data.role === "consumer" ? [ENQ_DONE, data.capacity + 1] : [DEQ_STARTED, 1];
  h.awaitAtLeast(ctl, cell, target, PATIENCE_MS);
}

export function queueThread(data: ThreadData, solution: Solution): ThreadReport {
  const ctl = new Int32Array(data.ctl);
  const queue = new solution.BoundedBlockingQueue(data.sab, data.capacity);
  barrier(ctl, data.parties);
  const report: ThreadReport = { role: data.role, threadId: h.threadId, dequeued: [], minSize: null, maxSize: null, maxHeld: 0, driverMs: 0 };
  if (data.role === "idle") {
    for (let d = Atomics.load(ctl, WORKERS_DONE); d < data.parties - 1; d = Atomics.load(ctl, WORKERS_DONE)) Atomics.wait(ctl, WORKERS_DONE, d);
    return report;
  }
  if (data.turn >= 0) {
    for (let t = Atomics.load(ctl, TURN); t !== data.turn; t = Atomics.load(ctl, TURN)) Atomics.wait(ctl, TURN, t);
  }
  report.driverMs += spin(data.delayMs);
  if (data.delayMs > 0) holdBack(ctl, data);
  const sized = () => {
    const s = queue.size();
    if (report.minSize === null || !(s >= report.minSize)) report.minSize = s;
    if (report.maxSize === null || !(s <= report.maxSize)) report.maxSize = s;
  };
  if (data.role === "producer") {
    for (const x of data.items) {
      h.perturb();
      queue.enqueue(x);
      const held = Atomics.add(ctl, ENQ_DONE, 1) + 1 - Atomics.load(ctl, DEQ_STARTED);
      Atomics.notify(ctl, ENQ_DONE);
      if (held > report.maxHeld) report.maxHeld = held;
      sized();
    }
  } else {
    for (let i = 0; i < data.count; i++) {
      h.perturb();
      Atomics.add(ctl, DEQ_STARTED, 1);
      Atomics.notify(ctl, DEQ_STARTED);
      report.dequeued.push(queue.dequeue());
      sized();
    }
  }
  h.record("returned", { role: data.role, threadId: h.threadId });
  if (data.turn >= 0) {
    Atomics.add(ctl, TURN, 1);
    Atomics.notify(ctl, TURN);
  }
  Atomics.add(ctl, WORKERS_DONE, 1);
  Atomics.notify(ctl, WORKERS_DONE);
  return report;
}

function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(h.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export async function run(input: Input, solution: Solution): Promise<unknown> {
  const { capacity } = input;
  const sab = new SharedArrayBuffer(solution.BoundedBlockingQueue.bytes(capacity));
  const ctl = new SharedArrayBuffer(4 * 8);
  const perturbed = h.seed !== 0;
  const total = input.producers.reduce((n, items) => n + items.length, 0);
  const delayed = (input.producerDelayMs ?? 0) > 0 || (input.consumerDelayMs ?? 0) > 0;
  const sequential = !perturbed && !delayed && capacity >= total;
  const measured = !perturbed && delayed;
  const delay = (ms: number | undefined) => (!ms ? 0 : perturbed ? Math.min(ms, 5) : ms);

  const plans: Omit<ThreadData, "sab" | "ctl" | "capacity" | "parties">[] = [
    ...input.producers.map((items) => ({ role: "producer" as Role, items, count: 0, turn: -1, delayMs: delay(input.producerDelayMs) })),
    ...input.consumers.map((count) => ({ role: "consumer" as Role, items: [], count, turn: -1, delayMs: delay(input.consumerDelayMs) })),
  ];
  if (sequential) plans.forEach((p, i) => (p.turn = i));
  if (measured) plans.push({ role: "idle", items: [], count: 0, turn: -1, delayMs: 0 });
  const parties = plans.length;
  const threads = (perturbed ? shuffled(plans) : plans).map((p) =>
    h.startThread("queueThread", { ...p, sab, ctl, capacity, parties } satisfies ThreadData),
  );
  for (const t of threads) t.catch(() => undefined);
  const reports: ThreadReport[] = [];
  for (const t of threads) reports.push((await t) as ThreadReport);
  return {
    capacity,
    enqueued: input.producers.flat(),
    reports,
    schedule: sequential ? "sequential" : "together",
    waitingMeasured: measured,
  };
}
