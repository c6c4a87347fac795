/**
 * atomic-counter driver (trusted, runs in the sandbox).
 *
 * Four threads share one 4-byte SharedArrayBuffer. Each thread views it as an Int32Array, waits at a
 * barrier (on a driver-owned buffer the candidate never sees) until all four are ready, then calls
 * increment(counter, times) once. The main thread reads the final value after every thread returned.
 *
 * Schedules: seed 0 (unperturbed) runs the four calls one after another, in start order; nothing
 * overlaps, so it is the schedule every solution, even a racy one, gets right. Every other seed
 * starts the threads in a shuffled order and releases the four calls at once, each after a short
 * seeded delay, so the calls overlap: a read-modify-write that is not atomic loses updates there.
 */
import * as h from "grader:harness";

type Solution = { increment(counter: Int32Array, times: number): void };
interface Input {
  times: number;
}
interface ThreadData {
  sab: SharedArrayBuffer;
  ctl: SharedArrayBuffer;
  index: number;
  times: number;
  serial: boolean;
  delayMs: number;
}

const THREADS = 4;
// Slots of the driver's control buffer.
const ARRIVED = 0;
const GO = 1;
const TURN = 2;

function barrier(ctl: Int32Array, parties: number): void {
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === parties) {
    Atomics.store(ctl, GO, 1);
    Atomics.notify(ctl, GO);
    return;
  }
  while (Atomics.load(ctl, GO) === 0) Atomics.wait(ctl, GO, 0);
}

/** Burn about `ms` of this thread's CPU (its virtual clock); bounded in case the clock is coarse. */
function spin(ms: number): void {
  const start = h.now();
  for (let i = 0; i < 50_000_000 && h.now() - start < ms; i++);
}

export function counterThread(data: ThreadData, solution: Solution): number {
  const ctl = new Int32Array(data.ctl);
  const counter = new Int32Array(data.sab);
  barrier(ctl, THREADS);
  if (data.serial) {
    // Wait on the value just checked: a second load could already read our own turn, and a wait on it
    // would sleep through the only notify that was meant for us (a lost wake-up: a false deadlock).
    for (let turn; (turn = Atomics.load(ctl, TURN)) !== data.index; ) Atomics.wait(ctl, TURN, turn);
  } else {
    spin(data.delayMs);
    h.perturb();
  }
  h.record("call", { index: data.index, threadId: h.threadId });
  solution.increment(counter, data.times);
  h.record("return", { index: data.index, threadId: h.threadId });
  if (data.serial) {
    Atomics.add(ctl, TURN, 1);
    Atomics.notify(ctl, TURN);
  }
  return h.threadId;
}

function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(h.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export async function run(input: Input, _solution: Solution): Promise<unknown> {
  const sab = new SharedArrayBuffer(4);
  const ctl = new SharedArrayBuffer(4 * 4);
  const perturbed = h.seed !== 0;
  const order = perturbed ? shuffled(THREADS) : Array.from({ length: THREADS }, (_, i) => i);
  const threads = order.map((index) =>
    h.startThread("counterThread", {
      sab,
      ctl,
      index,
      times: input.times,
      serial: !perturbed,
      delayMs: perturbed ? h.random() * 0.05 : 0,
    } satisfies ThreadData),
  );
  for (const t of threads) t.catch(() => undefined);
  for (const t of threads) await t;
  return { final: Atomics.load(new Int32Array(sab), 0), threads: THREADS, times: input.times, schedule: perturbed ? "concurrent" : "sequential" };
}
