/**
 * print-in-order driver (trusted, runs in the sandbox).
 *
 * Three threads share one zero-filled SharedArrayBuffer of Foo.BYTES bytes. Each builds a Foo over it,
 * waits at a barrier (on a driver-owned buffer the candidate never sees) until all three have built
 * theirs, then calls one method. The test's `order` says in which order the three calls start: the
 * thread at position i starts its call only after the thread at position i - 1 started its own.
 *
 * Each print records into the driver's buffer (an atomic ticket, so the order is the real order of
 * the prints) and into the grader log (h.log). Under seed 0 the prints of `first` and `second` then
 * burn 60 ms of their thread's CPU before returning: a thread that busy-waits for them meanwhile
 * shows tens of ms of CPU of its own, a thread asleep in Atomics.wait shows none. Seed 0 is also the
 * favourable schedule: a print records only once the prints before it in the order first, second,
 * third have recorded (or after PATIENCE_MS of virtual time, which only passes when every thread is
 * blocked), so a solution that merely lacks synchronisation passes it whatever the machine's load:
 * that is what makes its verdict race_condition rather than wrong_answer. Under a perturbed schedule
 * (seed != 0) the burn is 5 ms, and those two prints also stall 0.3-1.5 ms before they record, which
 * exposes "signal the next thread, then print" solutions.
 */
import * as h from "grader:harness";

interface FooLike {
  first(print: () => void): void;
  second(print: () => void): void;
  third(print: () => void): void;
}
type Solution = { Foo: { BYTES: number; new (sab: SharedArrayBuffer): FooLike } };
type Method = "first" | "second" | "third";
interface Input {
  order: Method[];
}
interface ThreadData {
  sab: SharedArrayBuffer;
  ctl: SharedArrayBuffer;
  method: Method;
  position: number;
  preMs: number;
  burnMs: number;
  /** Seed 0: each print waits for the prints that come before it (see the header). */
  favourable: boolean;
}
export interface ThreadReport {
  method: Method;
  threadId: number;
  /** CPU the driver itself burned in this thread's print (ms of the thread's clock). */
  driverMs: number;
}

const METHODS: Method[] = ["first", "second", "third"];
/** CPU the prints of first and second burn: long under seed 0, where waiting is measured; short elsewhere. */
const BURN_MS_UNPERTURBED = 60;
const BURN_MS_PERTURBED = 5;
const MAX_EVENTS = 16;
/** How long (virtual ms) a print waits, under seed 0, for the prints that should come before it. */
const PATIENCE_MS = 20;
// Slots of the driver's control buffer.
const ARRIVED = 0;
const GO = 1;
const TURN = 2;
const CURSOR = 3;
const EVENTS = 4;

function barrier(ctl: Int32Array, parties: number): void {
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === parties) {
    Atomics.store(ctl, GO, 1);
    Atomics.notify(ctl, GO);
    return;
  }
  while (Atomics.load(ctl, GO) === 0) Atomics.wait(ctl, GO, 0);
}

/** Wait until at least `count` prints have recorded, or `ms` of virtual time have passed. */
function awaitPrints(ctl: Int32Array, count: number, ms: number): void {
  h.awaitAtLeast(ctl, CURSOR, count, ms);
}

/** Burn about `ms` of this thread's CPU (its virtual clock); bounded in case the clock is coarse. */
function spin(ms: number): number {
  const start = h.now();
  for (let i = 0; i < 200_000_000 && h.now() - start < ms; i++);
  return h.now() - start;
}

export function caller(data: ThreadData, solution: Solution): ThreadReport {
  const ctl = new Int32Array(data.ctl);
  const foo = new solution.Foo(data.sab);
  barrier(ctl, METHODS.length);
  for (let turn = Atomics.load(ctl, TURN); turn !== data.position; turn = Atomics.load(ctl, TURN)) {
    Atomics.wait(ctl, TURN, turn);
  }
  h.perturb();
  Atomics.add(ctl, TURN, 1);
  Atomics.notify(ctl, TURN);

  let driverMs = 0;
  const code = METHODS.indexOf(data.method) + 1;
  const print = () => {
    if (data.method !== "third" && data.preMs > 0) driverMs += spin(data.preMs);
    if (data.favourable) awaitPrints(ctl, code - 1, PATIENCE_MS);
    h.perturb();
    const k = Atomics.add(ctl, CURSOR, 1);
    if (k < MAX_EVENTS) Atomics.store(ctl, EVENTS + k, code);
    Atomics.notify(ctl, CURSOR);
    h.log(data.method);
    if (data.method !== "third") driverMs += spin(data.burnMs);
  };
  foo[data.method](print);
  const report = { method: data.method, threadId: h.threadId, driverMs };
  h.record("returned", report);
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
  const sab = new SharedArrayBuffer(solution.Foo.BYTES);
  const ctlBuffer = new SharedArrayBuffer(4 * (EVENTS + MAX_EVENTS));
  const perturbed = h.seed !== 0;
  const positions = input.order.map((method, position) => ({ method, position }));
  const threads = (perturbed ? shuffled(positions) : positions).map(({ method, position }) =>
    h.startThread("caller", {
      sab,
      ctl: ctlBuffer,
      method,
      position,
      preMs: perturbed ? 0.3 + h.random() * 1.2 : 0,
      burnMs: perturbed ? BURN_MS_PERTURBED : BURN_MS_UNPERTURBED,
      favourable: !perturbed,
    } satisfies ThreadData),
  );
  for (const t of threads) t.catch(() => undefined);
  const reports: ThreadReport[] = [];
  for (const t of threads) reports.push((await t) as ThreadReport);
  const ctl = new Int32Array(ctlBuffer);
  const prints = Atomics.load(ctl, CURSOR);
  const printed: string[] = [];
  for (let k = 0; k < Math.min(prints, MAX_EVENTS); k++) printed.push(METHODS[Atomics.load(ctl, EVENTS + k) - 1] ?? "?");
  return { order: input.order, printed, prints, threads: reports, burnMs: perturbed ? BURN_MS_PERTURBED : BURN_MS_UNPERTURBED };
}
