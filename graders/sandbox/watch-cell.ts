/**
 * Where a host thread is, one cell per candidate thread in the run table: a watchdog
 * (isolate-watchdog.ts) disposes the thread's isolate only while candidate code runs, never while the
 * host is inside one of its callbacks or between calls:
 *   HOST -> JS (a call into the isolate begins, or a callback returns to it)
 *   JS -> HOST (the call returned, or the isolate called the host)
 *   JS -> KILL (the supervisor, requestKill) -> KILLED (the watchdog, once disposed)
 *   any -> OFF (the thread ended: the watchdog returns)
 * No isolated-vm here: the supervisor side uses it too.
 */
export const WATCH = { HOST: 0, JS: 1, KILL: 2, KILLED: 3, OFF: 4 } as const;

/** A cell of a run's table (Int32Array over its SharedArrayBuffer). */
export interface WatchCell {
  ints: Int32Array;
  index: number;
}

/** The isolate is about to run candidate code; false if it has been killed. */
export function enterCandidate(cell: WatchCell): boolean {
  return Atomics.compareExchange(cell.ints, cell.index, WATCH.HOST, WATCH.JS) === WATCH.HOST;
}

/** Candidate code stopped running (returned or called the host); false if it has been killed. */
export function leaveCandidate(cell: WatchCell): boolean {
  return Atomics.compareExchange(cell.ints, cell.index, WATCH.JS, WATCH.HOST) === WATCH.JS;
}

export function wasKilled(cell: WatchCell): boolean {
  const v = Atomics.load(cell.ints, cell.index);
  return v === WATCH.KILL || v === WATCH.KILLED;
}

/** The thread ends: let a kill in progress finish (bounded), then release the watchdog. */
export function disarmWatchdog(cell: WatchCell): void {
  if (Atomics.load(cell.ints, cell.index) === WATCH.KILL) Atomics.wait(cell.ints, cell.index, WATCH.KILL, 5000);
  Atomics.store(cell.ints, cell.index, WATCH.OFF);
  Atomics.notify(cell.ints, cell.index);
}

/** Supervisor side: dispose thread's isolate if its candidate code is running now. */
export function requestKill(cell: WatchCell): boolean {
  if (Atomics.compareExchange(cell.ints, cell.index, WATCH.JS, WATCH.KILL) !== WATCH.JS) return false;
  Atomics.notify(cell.ints, cell.index);
  return true;
}
