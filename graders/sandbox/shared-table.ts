/**
 * The per-run table every host thread of a run shares (one SharedArrayBuffer): each candidate
 * thread's state, virtual clock L and "lower bound of its next action" (lb), plus run-wide counters.
 * Virtual time advances by reading it: a thread may jump to time t only when every other thread's
 * lb is >= t. Times are integer nanoseconds in BigInt64 cells.
 */
import { otherThreadCpuNs } from "./thread-cpu";

export const MAX_THREADS = 128;
export const MAX_PORTS = 16384;
export const INF = 1n << 62n;
/** A CPU reading that tells liveClock not to extrapolate: the host thread is not running the thread's code. */
export const NO_LIVE_CLOCK = Number.MAX_SAFE_INTEGER;

export const ST = { UNUSED: 0, STARTING: 1, RUNNING: 2, IDLE: 3, BLOCKED: 4, DONE: 5 } as const;

// Int32 cells
export const G = {
  EPOCH: 0, NEXT_THREAD: 1, NEXT_PORT: 2, WORKERS_ALIVE: 3, WORKERS_TOTAL: 4, MESSAGES: 5, OUTPUT_BYTES: 6,
  STOP: 7, TIME_WAITERS: 8, PEAK_THREADS: 9, THREADS_ALIVE: 10,
  /** Waiters an Atomics.notify woke that have not yet published RUNNING (may dip below 0 while the notifier runs). */
  WAKES: 11,
  /** The last id given to a shared memory (runtime/isolate/shared-identity.ts). */
  SHARED_IDS: 12,
  /** The last ticket of an Atomics.wait (wait-list.ts): tickets order the waiters on one address. */
  WAIT_TICKETS: 13,
  /** Threads inside an Atomics.wait right now. */
  WAITING: 14,
  /** Whose turn it is to run a macrotask when threads take turns (thread-turn.ts), and how many wait for it. */
  TURN: 15,
  TURN_WAITERS: 16,
} as const;
const I_GLOBALS = 20;
const I_PER_THREAD = 9; // STATE, INBOX_COUNT, STOP, CONFIRMED, WAIT_TICKET, WAIT_BUFFER, WAIT_BYTE, WATCH, CPU_CLOCK
// BigInt64 cells
export const B = { CPU_NS: 0, NOTIFY_L: 1 } as const;
const B_GLOBALS = 4;
const B_PER_THREAD = 6; // L, LB, INBOX_MIN, STOP_AT, L_CPU, TASK_CPU

export interface TableBuffers {
  ints: SharedArrayBuffer;
  bigs: SharedArrayBuffer;
  ports: SharedArrayBuffer;
}

export function createTable(): TableBuffers {
  const t = {
    ints: new SharedArrayBuffer(4 * (I_GLOBALS + I_PER_THREAD * MAX_THREADS)),
    bigs: new SharedArrayBuffer(8 * (B_GLOBALS + B_PER_THREAD * MAX_THREADS)),
    ports: new SharedArrayBuffer(4 * MAX_PORTS),
  };
  const view = new SharedTable(t);
  for (let i = 0; i < MAX_THREADS; i++) {
    Atomics.store(view.bigs, view.lbIndex(i), INF);
    Atomics.store(view.bigs, view.inboxMinIndex(i), INF);
    Atomics.store(view.bigs, view.stopAtIndex(i), INF);
    Atomics.store(view.bigs, view.lCpuIndex(i), BigInt(NO_LIVE_CLOCK));
    Atomics.store(view.bigs, view.taskCpuIndex(i), BigInt(NO_LIVE_CLOCK));
  }
  Atomics.store(view.ints, G.NEXT_THREAD, 1);
  Atomics.store(view.ints, G.NEXT_PORT, 0);
  return t;
}

export class SharedTable {
  readonly ints: Int32Array;
  readonly bigs: BigInt64Array;
  readonly portOwner: Int32Array;
  constructor(readonly buffers: TableBuffers) {
    this.ints = new Int32Array(buffers.ints);
    this.bigs = new BigInt64Array(buffers.bigs);
    this.portOwner = new Int32Array(buffers.ports);
  }
  get(cell: number): number {
    return Atomics.load(this.ints, cell);
  }
  add(cell: number, n: number): number {
    return Atomics.add(this.ints, cell, n) + n;
  }
  stateIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t;
  }
  inboxIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 1;
  }
  stopIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 2;
  }
  /** Epoch at which a thread blocked in Atomics.wait last checked that no notify has claimed it. */
  confirmedIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 3;
  }
  /** The ticket of thread t's Atomics.wait: positive while it waits, negated once a notify claimed it, 0 otherwise. */
  waitTicketIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 4;
  }
  /** The address thread t waits on: shared buffer id, then byte offset. */
  waitAddressIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 5;
  }
  /** Where thread t's host is, for the watchdog that can stop its isolate (isolate-watchdog.ts). */
  watchIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 7;
  }
  /** The CPU clock id of the OS thread hosting thread t (thread-cpu.ts), 0 if unknown. */
  cpuClockIndex(t: number): number {
    return I_GLOBALS + I_PER_THREAD * t + 8;
  }
  lIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t;
  }
  lbIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t + 1;
  }
  inboxMinIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t + 2;
  }
  /** Virtual time at which thread t is to stop (Worker.terminate()), INF when never. */
  stopAtIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t + 3;
  }
  /** The host thread's CPU time when thread t's published L was taken: L + CPU since then is its live clock. */
  lCpuIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t + 4;
  }
  /**
   * The host thread's CPU reading from which thread t's running macrotask is charged (its start, moved
   * on by the CPU of its Atomics.waits), NO_LIVE_CLOCK outside a macrotask or inside a wait.
   */
  taskCpuIndex(t: number): number {
    return B_GLOBALS + B_PER_THREAD * t + 5;
  }
  setTaskCpu(t: number, base: number): void {
    Atomics.store(this.bigs, this.taskCpuIndex(t), BigInt(Math.floor(base)));
  }
  /**
   * CPU the run has spent so far, ns: every finished macrotask plus what the running ones have used up
   * to now. Never more than the total the threads will account once their macrotasks end.
   */
  liveCpu(): bigint {
    let total = Atomics.load(this.bigs, B.CPU_NS);
    const n = Math.min(this.get(G.NEXT_THREAD), MAX_THREADS);
    for (let t = 0; t < n; t++) {
      const base = Number(Atomics.load(this.bigs, this.taskCpuIndex(t)));
      if (base >= NO_LIVE_CLOCK) continue;
      const now = otherThreadCpuNs(Atomics.load(this.ints, this.cpuClockIndex(t)));
      if (now !== null && now > base) total += BigInt(Math.floor(now - base));
    }
    return total;
  }
  state(t: number): number {
    return Atomics.load(this.ints, this.stateIndex(t));
  }
  /** Publish a thread's state, clock and lower bound, then wake every waiter. */
  publish(t: number, state: number, l: bigint, lb: bigint): void {
    Atomics.store(this.bigs, this.lIndex(t), l);
    Atomics.store(this.bigs, this.lbIndex(t), lb);
    Atomics.store(this.ints, this.stateIndex(t), state);
    this.bump();
  }
  /**
   * Update a running thread's clock without waking anyone (cheap, every host call). `cpu` is the host
   * thread's CPU reading L was taken at (NO_LIVE_CLOCK while the host's CPU is not the thread's), stored
   * first: a reader that sees the new L sees it too.
   */
  publishClock(t: number, l: bigint, cpu: number): void {
    Atomics.store(this.bigs, this.lCpuIndex(t), BigInt(Math.floor(cpu)));
    Atomics.store(this.bigs, this.lIndex(t), l);
    Atomics.store(this.bigs, this.lbIndex(t), l);
  }
  bump(): void {
    Atomics.add(this.ints, G.EPOCH, 1);
    Atomics.notify(this.ints, G.EPOCH);
  }
  /**
   * A lower bound of where running thread t's clock is now: its published L plus the CPU its host thread
   * spent since. A thread computing for a long while (a loop that never calls the host) would otherwise
   * hold every other thread's virtual time back at the start of its macrotask.
   */
  liveClock(t: number): bigint {
    const l = Atomics.load(this.bigs, this.lIndex(t));
    const at = Number(Atomics.load(this.bigs, this.lCpuIndex(t)));
    if (at >= NO_LIVE_CLOCK) return l;
    const now = otherThreadCpuNs(Atomics.load(this.ints, this.cpuClockIndex(t)));
    return now === null || now < at ? l : l + BigInt(Math.floor(now - at));
  }
  /** Thread t is to stop at virtual time `at` (the earliest of all requests), then wake everyone. */
  requestStop(t: number, at: bigint): void {
    const i = this.stopAtIndex(t);
    for (;;) {
      const cur = Atomics.load(this.bigs, i);
      if (cur <= at || Atomics.compareExchange(this.bigs, i, cur, at) === cur) break;
    }
    Atomics.store(this.ints, this.stopIndex(t), 1);
    this.bump();
  }
  stopAt(t: number): bigint {
    return Atomics.load(this.bigs, this.stopAtIndex(t));
  }
  /** A message (stamp ns) is on its way to thread t. */
  incoming(t: number, stamp: bigint): void {
    Atomics.add(this.ints, this.inboxIndex(t), 1);
    const i = this.inboxMinIndex(t);
    for (;;) {
      const cur = Atomics.load(this.bigs, i);
      if (cur <= stamp) break;
      if (Atomics.compareExchange(this.bigs, i, cur, stamp) === cur) break;
    }
    this.bump();
  }
  received(t: number, n: number): void {
    if (Atomics.sub(this.ints, this.inboxIndex(t), n) - n <= 0) Atomics.store(this.bigs, this.inboxMinIndex(t), INF);
  }
  /** Earliest time thread t could act (send a message, notify) from what it published. */
  lowerBound(t: number): bigint {
    const st = this.state(t);
    if (st === ST.UNUSED || st === ST.DONE) return INF;
    let lb = Atomics.load(this.bigs, this.lbIndex(t));
    let l = Atomics.load(this.bigs, this.lIndex(t));
    if (st === ST.RUNNING) {
      const live = this.liveClock(t);
      if (live > l) l = live;
      if (l > lb) lb = l;
    }
    // A thread told to stop ends (and its parent hears of it) at its stop time, or now if it is past it.
    if (Atomics.load(this.ints, this.stopIndex(t)) !== 0) {
      const at = this.stopAt(t);
      const end = at > l ? at : l;
      if (end < lb) lb = end;
    }
    // A thread blocked in Atomics.wait reads no message until it is woken, so its inbox does not count.
    if (st !== ST.BLOCKED && Atomics.load(this.ints, this.inboxIndex(t)) > 0) {
      // received() may reset the minimum to INF just after an incoming() set it: the count still holds.
      const m = Atomics.load(this.bigs, this.inboxMinIndex(t));
      const at = m > l && m < INF ? m : l;
      if (at < lb) lb = at;
    }
    return lb;
  }
  /** Every other live thread's lower bound is >= target (read consistently). */
  othersAtLeast(me: number, target: bigint): boolean {
    const epoch = this.get(G.EPOCH);
    // A woken waiter still reads as blocked (lb = its deadline) until its host thread runs again.
    if (this.get(G.WAKES) !== 0) return false;
    const n = this.get(G.NEXT_THREAD);
    for (let t = 0; t < n && t < MAX_THREADS; t++) {
      if (t === me) continue;
      if (this.lowerBound(t) < target) return false;
    }
    return this.get(G.EPOCH) === epoch;
  }
  /**
   * Nothing can ever happen again: every live thread idle/blocked with no event, no message and no
   * wake-up in flight, and (if `confirmed`) every blocked thread has checked at this epoch that no
   * notify has claimed it (wait-list.ts).
   */
  quiescent(confirmed = true): boolean {
    const epoch = this.get(G.EPOCH);
    if (this.get(G.WAKES) !== 0) return false;
    const n = this.get(G.NEXT_THREAD);
    for (let t = 0; t < n && t < MAX_THREADS; t++) {
      const st = this.state(t);
      if (st === ST.UNUSED || st === ST.DONE) continue;
      if (st !== ST.IDLE && st !== ST.BLOCKED) return false;
      if (this.lowerBound(t) < INF) return false;
      if (confirmed && st === ST.BLOCKED && Atomics.load(this.ints, this.confirmedIndex(t)) !== epoch) return false;
    }
    return this.get(G.WAKES) === 0 && this.get(G.EPOCH) === epoch;
  }
  addCpu(ns: bigint): bigint {
    return Atomics.add(this.bigs, B.CPU_NS, ns) + ns;
  }
  maxNotify(l: bigint): void {
    for (;;) {
      const cur = Atomics.load(this.bigs, B.NOTIFY_L);
      if (cur >= l) return;
      if (Atomics.compareExchange(this.bigs, B.NOTIFY_L, cur, l) === cur) return;
    }
  }
}
