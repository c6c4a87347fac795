/**
 * dining-philosophers driver (trusted, runs in the sandbox).
 *
 * Five threads, one per philosopher p = 0..4, share one zero-filled SharedArrayBuffer of
 * DiningPhilosophers.BYTES bytes. Each builds a DiningPhilosophers over it, waits at a barrier (on a
 * driver-owned buffer the candidate never sees) until all five are built, then calls
 * wantsToEat(p, ...) n times. Philosopher p's left fork is p, its right fork (p + 1) % 5.
 *
 * The callbacks keep the true owner of every fork in the driver's buffer (compare-and-swap, so two
 * philosophers holding one fork is seen the moment it happens), check that a philosopher eats while
 * holding both of its forks, and check each call's sequence: both picks (either order), eat, both
 * puts (either order), each exactly once.
 *
 * Schedules. Seed 0 runs the philosophers one after another (philosopher p starts when p - 1 has
 * finished all its meals): nobody contends, so every solution that calls the callbacks right passes.
 * Every other seed starts the threads in a shuffled order and runs them together, with seeded delays
 * in the callbacks, and one adversarial stall: inside the first pick of its first meal each
 * philosopher waits (up to 50 ms of virtual time) until all five have made their first pick. With
 * "everyone picks left first" all five then hold their left fork and wait for their right one: the
 * deadlock that such a solution allows happens under every perturbed seed. A correct solution never
 * lets all five hold a fork at once, so the stall simply times out.
 */
import * as h from "grader:harness";

interface TableLike {
  wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): void;
}
type Solution = { DiningPhilosophers: { BYTES: number; new (sab: SharedArrayBuffer): TableLike } };
interface Input {
  n: number;
}
interface ThreadData {
  sab: SharedArrayBuffer;
  ctl: SharedArrayBuffer;
  philosopher: number;
  n: number;
  sequential: boolean;
  stall: boolean;
  eatMs: number[];
}
export interface PhilosopherReport {
  philosopher: number;
  threadId: number;
  meals: number;
  calls: number;
  violations: number;
  /** Plain-language description of the first violation seen by this philosopher. */
  first?: string;
}

const PHILOSOPHERS = 5;
const STALL_MS = 50;
// Slots of the driver's control buffer.
const ARRIVED = 0;
const GO = 1;
const TURN = 2;
const FIRST_PICKS = 3;
const OWNER = 4; // OWNER + f: philosopher + 1 holding fork f, 0 when on the table

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
  if (ms <= 0) return;
  const start = h.now();
  for (let i = 0; i < 50_000_000 && h.now() - start < ms; i++);
}

/** The adversarial stall: wait until all five made their first pick, or STALL_MS passed. */
function stallUntilAllPicked(ctl: Int32Array): void {
  Atomics.add(ctl, FIRST_PICKS, 1);
  Atomics.notify(ctl, FIRST_PICKS);
  const deadline = h.now() + STALL_MS;
  for (let seen = Atomics.load(ctl, FIRST_PICKS); seen < PHILOSOPHERS; seen = Atomics.load(ctl, FIRST_PICKS)) {
    const left = deadline - h.now();
    if (left <= 0) return;
    if (Atomics.wait(ctl, FIRST_PICKS, seen, left) === "timed-out") return;
  }
}

export function philosopherThread(data: ThreadData, solution: Solution): PhilosopherReport {
  const ctl = new Int32Array(data.ctl);
  const table = new solution.DiningPhilosophers(data.sab);
  barrier(ctl, PHILOSOPHERS);
  if (data.sequential) {
    for (let t = Atomics.load(ctl, TURN); t !== data.philosopher; t = Atomics.load(ctl, TURN)) Atomics.wait(ctl, TURN, t);
  }
  const p = data.philosopher;
  const me = p + 1;
  const forks = { left: p, right: (p + 1) % PHILOSOPHERS };
  const report: PhilosopherReport = { philosopher: p, threadId: h.threadId, meals: 0, calls: 0, violations: 0 };
  const violation = (text: string) => {
    report.violations++;
    if (report.first === undefined) report.first = text;
    h.record("violation", { philosopher: p, text });
  };

  // Per call: which callbacks happened, in which phase.
  let picked = { left: false, right: false };
  let ate = false;
  let put = { left: false, right: false };
  let stalled = false;

  const pick = (side: "left" | "right") => () => {
    h.perturb();
    if (ate || put.left || put.right) violation(`philosopher ${p} picked up a fork after eating or putting one down in the same call`);
    if (picked[side]) violation(`philosopher ${p} picked up its ${side} fork twice in one call`);
    picked[side] = true;
    const f = forks[side];
    const prev = Atomics.compareExchange(ctl, OWNER + f, 0, me);
    if (prev !== 0) violation(`philosopher ${p} picked up fork ${f} while philosopher ${prev - 1} was holding it`);
    h.log(`philosopher ${p} picks up fork ${f}`);
    if (data.stall && !stalled) {
      stalled = true;
      stallUntilAllPicked(ctl);
    }
  };
  const eat = () => {
    h.perturb();
    if (ate) violation(`philosopher ${p} ate twice in one call`);
    if (!picked.left || !picked.right || put.left || put.right) violation(`philosopher ${p} ate without holding both forks`);
    for (const f of [forks.left, forks.right]) {
      const owner = Atomics.load(ctl, OWNER + f);
      if (owner !== me) violation(`philosopher ${p} ate while fork ${f} was ${owner === 0 ? "on the table" : `held by philosopher ${owner - 1}`}`);
    }
    ate = true;
    h.log(`philosopher ${p} eats`);
    spin(data.eatMs[report.calls % data.eatMs.length] ?? 0);
  };
  const putDown = (side: "left" | "right") => () => {
    h.perturb();
    if (!ate) violation(`philosopher ${p} put down a fork before eating`);
    if (put[side]) violation(`philosopher ${p} put down its ${side} fork twice in one call`);
    put[side] = true;
    const f = forks[side];
    const prev = Atomics.compareExchange(ctl, OWNER + f, me, 0);
    if (prev !== me) violation(`philosopher ${p} put down fork ${f}, which it was not holding`);
    h.log(`philosopher ${p} puts down fork ${f}`);
  };

  for (let i = 0; i < data.n; i++) {
    picked = { left: false, right: false };
    ate = false;
    put = { left: false, right: false };
    table.wantsToEat(p, pick("left"), pick("right"), eat, putDown("left"), putDown("right"));
    report.calls++;
    if (ate) report.meals++;
    if (!(picked.left && picked.right && ate && put.left && put.right)) {
      violation(`a call of philosopher ${p} returned without picking both forks, eating and putting both down`);
    }
  }
  if (data.sequential) {
    Atomics.add(ctl, TURN, 1);
    Atomics.notify(ctl, TURN);
  }
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
  const sab = new SharedArrayBuffer(solution.DiningPhilosophers.BYTES);
  const ctl = new SharedArrayBuffer(4 * (OWNER + PHILOSOPHERS));
  const perturbed = h.seed !== 0;
  const order = Array.from({ length: PHILOSOPHERS }, (_, p) => p);
  const threads = (perturbed ? shuffled(order) : order).map((philosopher) =>
    h.startThread("philosopherThread", {
      sab,
      ctl,
      philosopher,
      n: input.n,
      sequential: !perturbed,
      stall: perturbed,
      eatMs: perturbed ? Array.from({ length: 8 }, () => (h.random() < 0.5 ? 0 : h.random() * 0.3)) : [],
    } satisfies ThreadData),
  );
  for (const t of threads) t.catch(() => undefined);
  const reports: PhilosopherReport[] = [];
  for (const t of threads) reports.push((await t) as PhilosopherReport);
  reports.sort((a, b) => a.philosopher - b.philosopher);
  return { n: input.n, reports, schedule: perturbed ? "together" : "one after another" };
}
