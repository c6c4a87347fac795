/**
 * Timers and immediates with Node's exact ordering (lib/internal/timers.js): timers live in one list
 * per duration; lists are ordered by (expiry, list id); a list runs every timer due at the phase's
 * cached loop time before the next list. The host drives one callback per call so microtasks drain
 * between callbacks exactly as in Node. Start times use the current millisecond (Node updates libuv's clock to read it).
 */
import { ctl, CTL, host } from "./host";
import { reportUncaught } from "./uncaught";

const TIMEOUT_MAX = 2 ** 31 - 1;
let timerListId = 0;
let refTimers = 0;
let nextId = 1;
const knownById = new Map<number, Timeout>();

interface TimerList {
  msecs: number;
  expiry: number;
  id: number;
  head: Timeout | null;
  tail: Timeout | null;
}
const lists = new Map<number, TimerList>();

const kRefed = Symbol("refed");
const kList = Symbol("list");

function loopNow(): number {
  return ctl[CTL.LOOP_NOW];
}

/**
 * Node's getLibuvNow() updates libuv's clock before reading it (src/env.cc GetNowUint64 calls
 * uv_update_time): a timer counts from the whole millisecond of the setTimeout call, not from the
 * cached loop time of its macrotask. Counting from the cached time would make a timer set after some
 * CPU work fire early by that work's length, which varies with the machine.
 */
function currentMs(): number {
  return Math.max(loopNow(), Math.floor(host.now()));
}

export class Timeout {
  _idleTimeout: number;
  _idlePrev: Timeout | null = null;
  _idleNext: Timeout | null = null;
  _idleStart = 0;
  _onTimeout: ((...a: unknown[]) => void) | null;
  _timerArgs: unknown[] | undefined;
  _repeat: number | null;
  _destroyed = false;
  [kRefed] = true;
  [kList]: TimerList | null = null;
  private _id = 0;
  constructor(cb: (...a: unknown[]) => void, after: unknown, args: unknown[] | undefined, isRepeat: boolean) {
    let ms = Number(after);
    if (!(ms >= 1 && ms <= TIMEOUT_MAX)) ms = 1;
    this._idleTimeout = ms;
    this._onTimeout = cb;
    this._timerArgs = args;
    this._repeat = isRepeat ? ms : null;
    refTimers++;
    insert(this, ms, currentMs());
    publish();
  }
  ref(): this {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) refTimers++;
      publish();
    }
    return this;
  }
  unref(): this {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) refTimers--;
      publish();
    }
    return this;
  }
  hasRef(): boolean {
    return this[kRefed];
  }
  refresh(): this {
    if (!this._destroyed) {
      unlink(this);
      insert(this, this._idleTimeout, currentMs());
      publish();
    }
    return this;
  }
  close(): this {
    clearTimeout(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    if (this._id === 0) {
      this._id = nextId++;
      knownById.set(this._id, this);
    }
    return this._id;
  }
}

function insert(t: Timeout, msecs: number, start: number): void {
  t._idleStart = start;
  let list = lists.get(msecs);
  if (!list) {
    list = { msecs, expiry: start + msecs, id: timerListId++, head: null, tail: null };
    lists.set(msecs, list);
  }
  t[kList] = list;
  t._idlePrev = list.tail;
  t._idleNext = null;
  if (list.tail) list.tail._idleNext = t;
  else list.head = t;
  list.tail = t;
}

function unlink(t: Timeout): void {
  const list = t[kList];
  if (!list) return;
  if (t._idlePrev) t._idlePrev._idleNext = t._idleNext;
  else list.head = t._idleNext;
  if (t._idleNext) t._idleNext._idlePrev = t._idlePrev;
  else list.tail = t._idlePrev;
  t._idlePrev = t._idleNext = null;
  t[kList] = null;
}

function destroy(t: Timeout): void {
  if (t._destroyed) return;
  t._destroyed = true;
  const list = t[kList];
  unlink(t);
  // Node's unenroll drops an emptied list: a later timer of that duration gets a fresh list (new id).
  if (list && !list.head && lists.get(list.msecs) === list) lists.delete(list.msecs);
  if (t[kRefed]) refTimers--;
  if (t["_id" as keyof Timeout]) knownById.delete(t["_id" as keyof Timeout] as unknown as number);
}

function peekList(): TimerList | null {
  let best: TimerList | null = null;
  for (const l of lists.values()) {
    if (!best || l.expiry < best.expiry || (l.expiry === best.expiry && l.id < best.id)) best = l;
  }
  return best;
}

/** Run the next timer due at the phase's loop time. Returns false when none is due. */
export function runNextTimer(): boolean {
  const now = loopNow();
  for (;;) {
    const list = peekList();
    if (!list || list.expiry > now) break;
    const t = list.head;
    if (!t) {
      lists.delete(list.msecs);
      continue;
    }
    if (now - t._idleStart < list.msecs) {
      list.expiry = Math.max(t._idleStart + list.msecs, now + 1);
      list.id = timerListId++;
      continue;
    }
    unlink(t);
    if (!list.head) lists.delete(list.msecs);
    const start = t._repeat ? currentMs() : 0;
    const cb = t._onTimeout!;
    try {
      if (t._timerArgs === undefined) cb.call(t);
      else cb.apply(t, t._timerArgs);
    } catch (e) {
      reportUncaught(e);
    } finally {
      if (t._repeat && !t._destroyed && t[kList] === null) {
        t._idleTimeout = t._repeat;
        insert(t, t._idleTimeout, start);
      } else if (t[kList] === null) {
        destroy(t);
      }
      publish();
    }
    return true;
  }
  publish();
  return false;
}

function publish(): void {
  const l = peekList();
  ctl[CTL.NEXT_EXPIRY] = l ? (l.head ? l.expiry : Infinity) : Infinity;
  // A list whose head was removed keeps a stale expiry; recompute from heads to be exact.
  let min = Infinity;
  for (const x of lists.values()) if (x.head) min = Math.min(min, x.expiry);
  ctl[CTL.NEXT_EXPIRY] = min;
  ctl[CTL.REF_TIMERS] = refTimers;
  ctl[CTL.IMMEDIATES] = refImmediates;
}

function checkCallback(cb: unknown): asserts cb is (...a: unknown[]) => void {
  if (typeof cb !== "function") {
    const e = new TypeError(`The "callback" argument must be of type function. Received ${cb === undefined ? "undefined" : typeof cb}`);
    (e as unknown as { code: string }).code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
}

export function setTimeout(cb: unknown, after?: unknown, ...args: unknown[]): Timeout {
  checkCallback(cb);
  return new Timeout(cb, after, args.length ? args : undefined, false);
}
export function setInterval(cb: unknown, after?: unknown, ...args: unknown[]): Timeout {
  checkCallback(cb);
  return new Timeout(cb, after, args.length ? args : undefined, true);
}
export function clearTimeout(t: unknown): void {
  if (t && typeof t === "object" && t instanceof Timeout) {
    destroy(t);
    publish();
    return;
  }
  if (typeof t === "number" || typeof t === "string") {
    const known = knownById.get(Number(t));
    if (known) {
      destroy(known);
      publish();
    }
  }
}
export const clearInterval = clearTimeout;

// ---- immediates (check phase) ----
let refImmediates = 0;
export class Immediate {
  _onImmediate: ((...a: unknown[]) => void) | null;
  _argv: unknown[] | undefined;
  _destroyed = false;
  [kRefed] = true;
  constructor(cb: (...a: unknown[]) => void, args: unknown[] | undefined) {
    this._onImmediate = cb;
    this._argv = args;
    refImmediates++;
    queue.push(this);
    publish();
  }
  ref(): this {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) refImmediates++;
      publish();
    }
    return this;
  }
  unref(): this {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) refImmediates--;
      publish();
    }
    return this;
  }
  hasRef(): boolean {
    return this[kRefed];
  }
}
let queue: Immediate[] = [];
let running: Immediate[] = [];
let runningIndex = 0;
let pendingImmediates = 0;

export function setImmediate(cb: unknown, ...args: unknown[]): Immediate {
  checkCallback(cb);
  pendingImmediates++;
  return new Immediate(cb, args.length ? args : undefined);
}
export function clearImmediate(i: unknown): void {
  if (!(i instanceof Immediate) || i._destroyed) return;
  i._destroyed = true;
  pendingImmediates--;
  if (i[kRefed]) refImmediates--;
  i._onImmediate = null;
  publish();
}

/** Start of the check phase: the immediates queued so far run now; new ones wait for the next loop. */
export function beginCheck(): void {
  if (runningIndex < running.length) {
    running = running.slice(runningIndex).concat(queue);
  } else {
    running = queue;
  }
  queue = [];
  runningIndex = 0;
}

export function runNextImmediate(): boolean {
  while (runningIndex < running.length) {
    const i = running[runningIndex++];
    if (i._destroyed) continue;
    i._destroyed = true;
    pendingImmediates--;
    if (i[kRefed]) refImmediates--;
    publish();
    const cb = i._onImmediate!;
    i._onImmediate = null;
    try {
      if (i._argv === undefined) cb.call(i);
      else cb.apply(i, i._argv);
    } catch (e) {
      reportUncaught(e);
    }
    return true;
  }
  return false;
}

/** Immediates waiting (ref'd or not): the poll phase must not block while any exist. */
export function hasPendingImmediates(): boolean {
  return pendingImmediates > 0;
}
export { publish as publishTimers };
