/** node:events (EventEmitter, once) and the small EventTarget/Event needed by AbortSignal and MessagePort. */
type Listener = (...args: unknown[]) => unknown;
interface Entry {
  fn: Listener;
  once: boolean;
}

const kEvents = Symbol("kEvents");

export class EventEmitter {
  static defaultMaxListeners = 10;
  static readonly errorMonitor = Symbol("events.errorMonitor");
  [kEvents]: Map<string | symbol, Entry[]> = new Map();
  private _maxListeners: number | undefined;

  static once(emitter: EventEmitter | EventTarget, name: string, options?: { signal?: AbortSignal }): Promise<unknown[]> {
    return once(emitter, name, options);
  }
  static listenerCount(emitter: EventEmitter, name: string | symbol): number {
    return emitter.listenerCount(name);
  }

  private add(name: string | symbol, fn: unknown, once: boolean, prepend: boolean): this {
    if (typeof fn !== "function") {
      const e = new TypeError(`The "listener" argument must be of type function. Received ${fn === undefined ? "undefined" : typeof fn}`);
      (e as unknown as { code: string }).code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    if (this[kEvents].has("newListener")) this.emit("newListener", name, fn);
    let arr = this[kEvents].get(name);
    if (!arr) {
      arr = [];
      this[kEvents].set(name, arr);
    }
    const entry = { fn: fn as Listener, once };
    if (prepend) arr.unshift(entry);
    else arr.push(entry);
    this._listenersChanged(name);
    return this;
  }
  /** Hook for subclasses (MessagePort/Worker ref counting). */
  protected _listenersChanged(_name: string | symbol): void {}

  on(name: string | symbol, fn: Listener): this {
    return this.add(name, fn, false, false);
  }
  addListener(name: string | symbol, fn: Listener): this {
    return this.add(name, fn, false, false);
  }
  prependListener(name: string | symbol, fn: Listener): this {
    return this.add(name, fn, false, true);
  }
  once(name: string | symbol, fn: Listener): this {
    return this.add(name, fn, true, false);
  }
  prependOnceListener(name: string | symbol, fn: Listener): this {
    return this.add(name, fn, true, true);
  }
  off(name: string | symbol, fn: Listener): this {
    return this.removeListener(name, fn);
  }
  removeListener(name: string | symbol, fn: Listener): this {
    const arr = this[kEvents].get(name);
    if (!arr) return this;
    for (let i = arr.length - 1; i >= 0; i--) {
      if (arr[i].fn === fn) {
        arr.splice(i, 1);
        if (arr.length === 0) this[kEvents].delete(name);
        this._listenersChanged(name);
        if (this[kEvents].has("removeListener")) this.emit("removeListener", name, fn);
        break;
      }
    }
    return this;
  }
  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this[kEvents].clear();
    else this[kEvents].delete(name);
    this._listenersChanged(name ?? "");
    return this;
  }
  emit(name: string | symbol, ...args: unknown[]): boolean {
    const arr = this[kEvents].get(name);
    if (name === "error") {
      const monitors = this[kEvents].get(EventEmitter.errorMonitor);
      if (monitors) for (const m of [...monitors]) m.fn.apply(this, args);
    }
    if (!arr || arr.length === 0) {
      if (name === "error") {
        const er = args[0];
        if (er instanceof Error) throw er;
        const err = new Error(`Unhandled error. (${String(er)})`);
        (err as unknown as { code: string; context: unknown }).code = "ERR_UNHANDLED_ERROR";
        (err as unknown as { context: unknown }).context = er;
        throw err;
      }
      return false;
    }
    for (const e of [...arr]) {
      if (e.once) this.removeListener(name, e.fn);
      e.fn.apply(this, args);
    }
    return true;
  }
  listenerCount(name: string | symbol): number {
    return this[kEvents].get(name)?.length ?? 0;
  }
  listeners(name: string | symbol): Listener[] {
    return (this[kEvents].get(name) ?? []).map((e) => e.fn);
  }
  rawListeners(name: string | symbol): Listener[] {
    return this.listeners(name);
  }
  eventNames(): (string | symbol)[] {
    return [...this[kEvents].keys()];
  }
  setMaxListeners(n: number): this {
    this._maxListeners = n;
    return this;
  }
  getMaxListeners(): number {
    return this._maxListeners ?? EventEmitter.defaultMaxListeners;
  }
}

export function abortError(reason?: unknown): Error {
  const e = new Error("The operation was aborted", reason === undefined ? undefined : { cause: reason });
  e.name = "AbortError";
  (e as unknown as { code: string }).code = "ABORT_ERR";
  return e;
}

export function once(emitter: EventEmitter | EventTarget, name: string, options?: { signal?: AbortSignal }): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const signal = options?.signal;
    if (signal?.aborted) {
      reject(abortError(signal.reason));
      return;
    }
    if (emitter instanceof EventTarget) {
      const fn = (ev: unknown) => resolve([ev]);
      emitter.addEventListener(name, fn, { once: true });
      signal?.addEventListener("abort", () => {
        emitter.removeEventListener(name, fn);
        reject(abortError(signal.reason));
      }, { once: true });
      return;
    }
    const onEvent = (...args: unknown[]) => {
      if (name !== "error") emitter.removeListener("error", onError);
      resolve(args);
    };
    const onError = (err: unknown) => {
      emitter.removeListener(name, onEvent);
      reject(err);
    };
    emitter.once(name, onEvent);
    if (name !== "error") emitter.once("error", onError);
    signal?.addEventListener("abort", () => {
      emitter.removeListener(name, onEvent);
      emitter.removeListener("error", onError);
      reject(abortError(signal.reason));
    }, { once: true });
  });
}

// ---- EventTarget ----
export class Event {
  readonly type: string;
  defaultPrevented = false;
  target: EventTarget | null = null;
  currentTarget: EventTarget | null = null;
  readonly timeStamp = 0;
  readonly bubbles = false;
  readonly cancelable: boolean;
  constructor(type: string, init?: { cancelable?: boolean }) {
    this.type = String(type);
    this.cancelable = !!init?.cancelable;
  }
  preventDefault(): void {
    if (this.cancelable) this.defaultPrevented = true;
  }
  stopPropagation(): void {}
  stopImmediatePropagation(): void {}
}

type EvListener = ((ev: Event) => unknown) | { handleEvent(ev: Event): unknown };
interface TEntry {
  l: EvListener;
  once: boolean;
}
const kTListeners = Symbol("kListeners");

export class EventTarget {
  [kTListeners]: Map<string, TEntry[]> = new Map();
  addEventListener(type: string, l: EvListener | null, opts?: boolean | { once?: boolean; signal?: AbortSignal }): void {
    if (!l) return;
    const o = typeof opts === "object" && opts ? opts : {};
    if (o.signal?.aborted) return;
    let arr = this[kTListeners].get(type);
    if (!arr) {
      arr = [];
      this[kTListeners].set(type, arr);
    }
    if (arr.some((e) => e.l === l)) return;
    arr.push({ l, once: !!o.once });
    o.signal?.addEventListener("abort", () => this.removeEventListener(type, l));
    this._targetListenersChanged(type);
  }
  protected _targetListenersChanged(_type: string): void {}
  removeEventListener(type: string, l: EvListener | null): void {
    const arr = this[kTListeners].get(type);
    if (!arr) return;
    const i = arr.findIndex((e) => e.l === l);
    if (i >= 0) arr.splice(i, 1);
    if (arr.length === 0) this[kTListeners].delete(type);
    this._targetListenersChanged(type);
  }
  hasTargetListeners(type: string): boolean {
    return (this[kTListeners].get(type)?.length ?? 0) > 0;
  }
  dispatchEvent(ev: Event): boolean {
    ev.target = this;
    ev.currentTarget = this;
    const arr = this[kTListeners].get(ev.type);
    if (arr) {
      for (const e of [...arr]) {
        if (e.once) this.removeEventListener(ev.type, e.l);
        if (typeof e.l === "function") e.l.call(this, ev);
        else e.l.handleEvent(ev);
      }
    }
    return !ev.defaultPrevented;
  }
}

// ---- AbortController / AbortSignal ----
const kAbort = Symbol("kAbort");
const abortHandlers = new WeakMap<object, ((ev: Event) => unknown) | null>();
export class AbortSignal extends EventTarget {
  aborted = false;
  reason: unknown = undefined;
  /** An event handler attribute, as in Node: it takes its listener slot when first set. */
  get onabort(): ((ev: Event) => unknown) | null {
    return abortHandlers.get(this) ?? null;
  }
  set onabort(fn: ((ev: Event) => unknown) | null) {
    const first = !abortHandlers.has(this);
    abortHandlers.set(this, typeof fn === "function" ? fn : null);
    if (first && typeof fn === "function") {
      this.addEventListener("abort", (ev) => {
        const h = abortHandlers.get(this);
        if (typeof h === "function") h.call(this, ev);
      });
    } else if (first) abortHandlers.delete(this);
  }
  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }
  [kAbort](reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason === undefined ? domException("This operation was aborted", "AbortError") : reason;
    this.dispatchEvent(new Event("abort"));
  }
  static abort(reason?: unknown): AbortSignal {
    const s = new AbortSignal();
    s[kAbort](reason);
    return s;
  }
  static timeout(ms: number): AbortSignal {
    const s = new AbortSignal();
    const t = (globalThis.setTimeout as unknown as (f: () => void, ms: number) => { unref(): void })(
      () => s[kAbort](domException("The operation was aborted due to timeout", "TimeoutError")),
      ms,
    );
    t.unref();
    return s;
  }
  static any(signals: AbortSignal[]): AbortSignal {
    const s = new AbortSignal();
    for (const x of signals) {
      if (x.aborted) {
        s[kAbort](x.reason);
        return s;
      }
    }
    for (const x of signals) x.addEventListener("abort", () => s[kAbort](x.reason), { once: true });
    return s;
  }
}
export class AbortController {
  readonly signal = new AbortSignal();
  abort(reason?: unknown): void {
    this.signal[kAbort](reason);
  }
}

for (const [cls, tag] of [[Event, "Event"], [EventTarget, "EventTarget"], [AbortSignal, "AbortSignal"], [AbortController, "AbortController"]] as const) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, writable: false, enumerable: false, configurable: true });
}

const DOM_CODES: Record<string, number> = { AbortError: 20, TimeoutError: 23, DataCloneError: 25, InvalidStateError: 11 };
export class DOMException extends Error {
  readonly code: number;
  constructor(message = "", name = "Error") {
    super(message);
    Object.defineProperty(this, "name", { value: name, configurable: true, writable: true, enumerable: false });
    this.code = DOM_CODES[name] ?? 0;
  }
}
export function domException(message: string, name: string): DOMException {
  return new DOMException(message, name);
}
