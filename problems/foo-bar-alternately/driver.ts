/**
 * foo-bar-alternately driver (trusted, runs in the sandbox).
 *
 * Two threads share one zero-filled SharedArrayBuffer of FooBar.BYTES bytes. Each builds a FooBar(sab, n),
 * waits at a barrier (on a driver-owned buffer the candidate never sees) until both are built, then one
 * calls foo(printFoo) and the other bar(printBar). The test's `start` says which call starts first; the
 * other starts right after (it does not wait for the first to finish).
 *
 * Each print takes an atomic ticket in the driver's buffer (the real order of the prints) and writes to
 * the grader log (h.log). Under seed 0 each thread's prints burn 60 ms of that thread's CPU in total
 * (60 / n ms each) after they record: a thread that busy-waits for its turn meanwhile shows tens of ms
 * of CPU of its own, a thread asleep in Atomics.wait shows none. A third, idle thread (it builds a FooBar
 * and then sleeps until both callers returned) gives the CPU cost of a thread that does nothing.
 *
 * Seed 0 is also the favourable schedule: a print records only once every print before it in
 * "foobarfoobar..." has recorded (or after PATIENCE_MS of virtual time, which only passes when every
 * thread is blocked), so a solution that merely hands over the turn too early passes it whatever the
 * machine's load: that is what makes its verdict race_condition rather than wrong_answer. Under a
 * perturbed schedule (seed != 0) every print stalls 0.3-1.5 ms before it records, which exposes
 * "hand over the turn, then print".
 */
import * as h from "grader:harness";

interface FooBarLike {
  foo(printFoo: () => void): void;
  bar(printBar: () => void): void;
}
type Solution = { FooBar: { BYTES: number; new (sab: SharedArrayBuffer, n: number): FooBarLike } };
type Method = "foo" | "bar";
interface Input {
  n: number;
  start: Method;
}
interface ThreadData {
  sab: SharedArrayBuffer;
  ctl: SharedArrayBuffer;
  n: number;
  method: Method;
  position: number;
  stallMs: number[];
  burnMs: number;
  parties: number;
  /** Seed 0: each print waits for the prints that come before it (see the header). */
  favourable: boolean;
}
interface ThreadReport {
  method: Method;
  threadId: number;
  /** CPU the driver itself burned in this thread's prints (ms of the thread's clock). */
  driverMs: number;
}

const BURN_TOTAL_MS = 60;
const MAX_EVENTS = 256;
/** How long (virtual ms) a print waits, under seed 0, for the prints that should come before it. */
const PATIENCE_MS = 20;
// Slots of the driver's control buffer.
const ARRIVED = 0;
const GO = 1;
const TURN = 2;
const CURSOR = 3;
const DONE = 4;
const EVENTS = 5;

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
  const fooBar = new solution.FooBar(data.sab, data.n);
  barrier(ctl, data.parties);
  for (let turn = Atomics.load(ctl, TURN); turn !== data.position; turn = Atomics.load(ctl, TURN)) {
    Atomics.wait(ctl, TURN, turn);
  }
  h.perturb();
  Atomics.add(ctl, TURN, 1);
  Atomics.notify(ctl, TURN);

  let driverMs = 0;
  let printed = 0;
  const code = data.method === "foo" ? 1 : 2;
  const print = () => {
    const stall = data.stallMs[printed % data.stallMs.length] ?? 0;
    if (data.favourable) awaitPrints(ctl, 2 * printed + code - 1, PATIENCE_MS);
    // Everything the driver does in a print from here on is its own CPU, not the candidate's: the burn,
    // and also recording, notifying and logging the print (about 0.1 ms a print, 10 ms over n = 50,
    // which left in made a correct solution's waiting thread read as polling under load).
    const from = h.now();
    printed++;
    if (stall > 0) spin(stall);
    h.perturb();
    const k = Atomics.add(ctl, CURSOR, 1);
    if (k < MAX_EVENTS) Atomics.store(ctl, EVENTS + k, code);
    Atomics.notify(ctl, CURSOR);
    h.log(data.method);
    if (data.burnMs > 0) spin(data.burnMs);
    driverMs += h.now() - from;
  };
  if (data.method === "foo") fooBar.foo(print);
  else fooBar.bar(print);
  const report = { method: data.method, threadId: h.threadId, driverMs };
  h.record("returned", report);
  Atomics.add(ctl, DONE, 1);
  Atomics.notify(ctl, DONE);
  return report;
}

/** The idle reference: everything a caller does except calling the candidate's methods. */
export function idle(data: { sab: SharedArrayBuffer; ctl: SharedArrayBuffer; n: number; parties: number }, solution: Solution): ThreadReport {
  const ctl = new Int32Array(data.ctl);
  new solution.FooBar(data.sab, data.n);
  barrier(ctl, data.parties);
  for (let d = Atomics.load(ctl, DONE); d < 2; d = Atomics.load(ctl, DONE)) Atomics.wait(ctl, DONE, d);
  return { method: "idle" as Method, threadId: h.threadId, driverMs: 0 };
}

export async function run(input: Input, solution: Solution): Promise<unknown> {
  const sab = new SharedArrayBuffer(solution.FooBar.BYTES);
  const ctlBuffer = new SharedArrayBuffer(4 * (EVENTS + MAX_EVENTS));
  const perturbed = h.seed !== 0;
  const methods: Method[] = input.start === "bar" ? ["bar", "foo"] : ["foo", "bar"];
  const launch = methods.map((method, position) => ({ method, position }));
  if (perturbed && h.random() < 0.5) launch.reverse();
  const burnMs = perturbed ? 0 : BURN_TOTAL_MS / Math.max(1, input.n);
  // Under seed 0 an idle third thread measures what a thread costs when it never waits for its turn.
  const parties = perturbed ? 2 : 3;
  const threads = launch.map(({ method, position }) =>
    h.startThread("caller", {
      sab,
      ctl: ctlBuffer,
      n: input.n,
      method,
      position,
      stallMs: perturbed ? Array.from({ length: 16 }, () => 0.3 + h.random() * 1.2) : [],
      burnMs,
      parties,
      favourable: !perturbed,
    } satisfies ThreadData),
  );
  if (!perturbed) threads.push(h.startThread("idle", { sab, ctl: ctlBuffer, n: input.n, parties }));
  for (const t of threads) t.catch(() => undefined);
  const reports: ThreadReport[] = [];
  for (const t of threads) reports.push((await t) as ThreadReport);
  const ctl = new Int32Array(ctlBuffer);
  const prints = Atomics.load(ctl, CURSOR);
  let output = "";
  for (let k = 0; k < Math.min(prints, MAX_EVENTS); k++) output += Atomics.load(ctl, EVENTS + k) === 1 ? "foo" : "bar";
  return { n: input.n, output, prints, threads: reports, burnMs, burnTotalMs: perturbed ? 0 : BURN_TOTAL_MS };
}
