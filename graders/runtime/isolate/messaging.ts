/**
 * node:worker_threads inside the isolate: MessagePort/MessageChannel, Worker, parentPort. Messages
 * leave through the host (structured clone with SharedArrayBuffers shared) and come back as
 * deliveries the host makes one per macrotask in the poll phase. Transferred ArrayBuffers are
 * copied to the receiver and detached here (buffer-transfer.ts).
 */
import { EventEmitter, Event, DOMException } from "./events";
import { host, ctl, CTL } from "./host";
import { URL } from "./url";
import { transferredBuffers, detachAll } from "./buffer-transfer";
import { withSharedIds, adoptSharedIds } from "./shared-identity";
import { handOutgoing } from "./outgoing-copy";

const PORT_MARK = "\u0000graderPort";
const ports = new Map<number, MessagePort>();
const workers = new Map<number, Worker>();
const threadWaits = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
const localQueue: MessagePort[] = [];

export class MessageEvent extends Event {
  readonly data: unknown;
  readonly ports: MessagePort[];
  constructor(type: string, init: { data?: unknown; ports?: MessagePort[] } = {}) {
    super(type);
    this.data = init.data;
    this.ports = init.ports ?? [];
  }
}

function invalidTransfer(): TypeError {
  const e = new TypeError("Found invalid object in transferList");
  (e as unknown as { code: string }).code = "ERR_INVALID_TRANSFER_OBJECT";
  return e;
}

function cloneError(e: unknown): unknown {
  if (e instanceof TypeError && / could not be cloned\.$/.test(e.message)) return new DOMException(e.message, "DataCloneError");
  return e;
}

/** Replace transferred ports by markers (only along the paths that hold them). */
function encodePorts(value: unknown, moving: Set<MessagePort>, seen = new Map<object, unknown>()): unknown {
  if (moving.size === 0 || value === null || typeof value !== "object") return value;
  if (value instanceof MessagePort) {
    if (!moving.has(value)) throw new DOMException("Object that needs transfer was found in message but not listed in transferList", "DataCloneError");
    return { [PORT_MARK]: value._id };
  }
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = encodePorts(value[i], moving, seen);
    return out;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const k of Object.keys(value)) out[k] = encodePorts((value as Record<string, unknown>)[k], moving, seen);
    return out;
  }
  return value;
}

function decodePorts(value: unknown, seen = new Set<object>()): unknown {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v[PORT_MARK] === "number") return adoptPort(v[PORT_MARK] as number);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodePorts(value[i], seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const k of Object.keys(v)) v[k] = decodePorts(v[k], seen);
  }
  return value;
}

function adoptPort(id: number): MessagePort {
  let p = ports.get(id);
  if (!p) {
    p = new MessagePort(id);
    ports.set(id, p);
  }
  return p;
}

/** Send with structured clone; `kind`/`target` say where (a port id, a worker, the parent). */
function send(kind: string, target: number, message: unknown, transfer: unknown): void {
  const list = transfer === undefined ? [] : Array.isArray(transfer) ? transfer : (transfer as { transfer?: unknown[] })?.transfer ?? [];
  const moving = new Set<MessagePort>();
  for (const t of list) {
    if (t instanceof MessagePort) {
      if (t._closed) throw new DOMException("MessagePort in transfer list is already detached", "DataCloneError");
      moving.add(t);
    } else if (t instanceof SharedArrayBuffer || !(t instanceof ArrayBuffer)) throw invalidTransfer();
  }
  const buffers = transferredBuffers(list);
  const data = withSharedIds(encodePorts(message, moving));
  try {
    handOutgoing(data, (packed) => host.post(kind, target, packed, [...moving].map((p) => p._id)));
  } catch (e) {
    throw cloneError(e);
  }
  detachAll(buffers);
  for (const p of moving) {
    p._detach();
  }
}

export function structuredClone(value: unknown, options?: { transfer?: unknown[] }): unknown {
  const list = options?.transfer ?? [];
  for (const t of list) if (t instanceof SharedArrayBuffer || !(t instanceof ArrayBuffer)) throw invalidTransfer();
  const buffers = transferredBuffers(list);
  let copy: unknown;
  try {
    copy = adoptSharedIds(host.clone(withSharedIds(value)));
  } catch (e) {
    throw cloneError(e);
  }
  detachAll(buffers);
  return copy;
}

export class MessagePort extends EventEmitter {
  _id: number;
  _closed = false;
  _refed = true;
  _queue: { data: unknown }[] = [];
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onmessageerror: ((ev: MessageEvent) => unknown) | null = null;
  private _targetListeners: ((ev: MessageEvent) => unknown)[] = [];
  constructor(id: number) {
    super();
    this._id = id;
    let onmessage: ((ev: MessageEvent) => unknown) | null = null;
    Object.defineProperty(this, "onmessage", {
      get: () => onmessage,
      set: (f) => {
        onmessage = typeof f === "function" ? f : null;
        this._listenersChanged("message");
      },
      enumerable: false,
      configurable: true,
    });
  }
  postMessage(message: unknown, transfer?: unknown): void {
    if (this._closed) return;
    send("port", this._id, message, transfer);
  }
  start(): void {
    this._listenersChanged("message");
  }
  close(): void {
    if (this._closed) return;
    this._closed = true;
    ports.delete(this._id);
    host.portClose(this._id);
    refsChanged();
    this.emit("close");
  }
  ref(): this {
    this._refed = true;
    refsChanged();
    return this;
  }
  unref(): this {
    this._refed = false;
    refsChanged();
    return this;
  }
  hasRef(): boolean {
    return this._refed && this._listening();
  }
  addEventListener(type: string, l: (ev: MessageEvent) => unknown): void {
    if (type === "message") {
      this._targetListeners.push(l);
      this._listenersChanged("message");
    } else this.on(type, l as (...a: unknown[]) => void);
  }
  removeEventListener(type: string, l: (ev: MessageEvent) => unknown): void {
    if (type === "message") {
      this._targetListeners = this._targetListeners.filter((x) => x !== l);
      this._listenersChanged("message");
    } else this.off(type, l as (...a: unknown[]) => void);
  }
  _listening(): boolean {
    return !this._closed && (this.listenerCount("message") > 0 || this._targetListeners.length > 0 || this.onmessage !== null);
  }
  protected override _listenersChanged(name: string | symbol): void {
    if (name === "message" && this._listening() && this._queue.length > 0 && !localQueue.includes(this)) {
      localQueue.push(this);
      ctl[CTL.LOCAL_PENDING] = localQueue.length;
    }
    refsChanged();
  }
  _detach(): void {
    this._closed = true;
    ports.delete(this._id);
    refsChanged();
  }
  _receive(data: unknown): void {
    if (!this._listening()) {
      this._queue.push({ data });
      return;
    }
    this._dispatch(data);
  }
  _dispatch(data: unknown): void {
    const ev = new MessageEvent("message", { data });
    (ev as { target: unknown }).target = this;
    this.emit("message", data);
    if (this.onmessage) this.onmessage.call(this, ev);
    for (const l of [...this._targetListeners]) l.call(this, ev);
  }
}

export class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
  constructor() {
    const [a, b] = host.channel();
    this.port1 = adoptPort(a);
    this.port2 = adoptPort(b);
  }
}

/** The worker side's port to its parent (id -1 never travels). */
class ParentPort extends MessagePort {
  override postMessage(message: unknown, transfer?: unknown): void {
    if (this._closed) return;
    send("parent", 0, message, transfer);
  }
  override close(): void {
    this._closed = true;
    refsChanged();
    this.emit("close");
  }
}

export interface ThreadInfo {
  isMainThread: boolean;
  threadId: number;
  workerData: unknown;
  parentPort: MessagePort | null;
  moduleUrl: (spec: string) => string;
}
export const threadInfo: ThreadInfo = { isMainThread: true, threadId: 0, workerData: undefined, parentPort: null, moduleUrl: (s) => s };

export function initThread(isMain: boolean, threadId: number, workerData: unknown): void {
  threadInfo.isMainThread = isMain;
  threadInfo.threadId = threadId;
  // Node's main thread has workerData null; a worker without one has undefined.
  threadInfo.workerData = isMain ? null : decodePorts(adoptSharedIds(workerData));
  if (!isMain) {
    const p = new ParentPort(-1);
    ports.set(-1, p);
    threadInfo.parentPort = p;
  }
}

export class Worker extends EventEmitter {
  readonly threadId: number;
  _exited = false;
  _refed = true;
  private _exitCode: number | undefined;
  private _terminating: Promise<number> | null = null;
  constructor(filename: string | URL, options: { eval?: boolean; workerData?: unknown; transferList?: unknown[]; name?: string } = {}) {
    super();
    let kind: string;
    let source: string;
    if (options.eval) {
      kind = "eval";
      source = String(filename);
    } else {
      kind = "module";
      const s = filename instanceof URL ? filename.href : String(filename);
      if (!(filename instanceof URL) && !/^(\.\.?\/|\/|file:)/.test(s)) {
        const e = new TypeError(`The worker script or module filename must be an absolute path or a relative path starting with './' or '../'. Received "${s}"`);
        (e as unknown as { code: string }).code = "ERR_WORKER_PATH";
        throw e;
      }
      source = new URL(s, "file:///").pathname;
    }
    const moving = new Set<MessagePort>();
    for (const t of options.transferList ?? []) {
      if (t instanceof MessagePort) moving.add(t);
      else if (t instanceof SharedArrayBuffer || !(t instanceof ArrayBuffer)) throw invalidTransfer();
    }
    const buffers = transferredBuffers(options.transferList ?? []);
    const data = withSharedIds(encodePorts(options.workerData, moving));
    try {
      this.threadId = handOutgoing(data, (packed) => host.spawn(kind, source, packed, { name: options.name ?? "", ports: [...moving].map((p) => p._id) }));
    } catch (e) {
      throw cloneError(e);
    }
    detachAll(buffers);
    for (const p of moving) p._detach();
    workers.set(this.threadId, this);
    refsChanged();
  }
  postMessage(message: unknown, transfer?: unknown): void {
    if (this._exited) return;
    send("worker", this.threadId, message, transfer);
  }
  terminate(): Promise<number> {
    if (this._exited) return Promise.resolve(this._exitCode ?? 1);
    if (!this._terminating) {
      this._terminating = new Promise((resolve) => this.once("exit", (code: unknown) => resolve(code as number)));
      host.terminate(this.threadId);
    }
    return this._terminating;
  }
  ref(): this {
    this._refed = true;
    refsChanged();
    return this;
  }
  unref(): this {
    this._refed = false;
    refsChanged();
    return this;
  }
  _event(type: string, data: unknown): void {
    if (type === "exit") {
      this._exited = true;
      this._exitCode = data as number;
      workers.delete(this.threadId);
      refsChanged();
    }
    this.emit(type, type === "message" ? decodePorts(data) : data);
  }
}

export function startThread(kind: string, entry: string, data: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = handOutgoing(withSharedIds(data), (packed) => host.spawn(kind, entry, packed, { name: entry, ports: [] }));
    threadWaits.set(id, { resolve, reject });
    refsChanged();
  });
}

export function refsChanged(): void {
  let n = threadWaits.size;
  for (const p of ports.values()) if (p._refed && p._listening()) n++;
  for (const w of workers.values()) if (w._refed && !w._exited) n++;
  ctl[CTL.REF_HANDLES] = n;
}

/** A delivery from the host: one macrotask. */
export function deliver(ev: { k: string; id: number; type?: string; data?: unknown; ok?: boolean }): void {
  if (ev.data !== undefined) ev.data = adoptSharedIds(ev.data);
  switch (ev.k) {
    case "port": {
      const p = ports.get(ev.id);
      if (p) p._receive(decodePorts(ev.data));
      return;
    }
    case "parent": {
      ports.get(-1)?._receive(decodePorts(ev.data));
      return;
    }
    case "close": {
      const p = ports.get(ev.id);
      if (p && !p._closed) {
        p._closed = true;
        ports.delete(ev.id);
        refsChanged();
        p.emit("close");
      }
      return;
    }
    case "worker": {
      workers.get(ev.id)?._event(ev.type!, ev.data);
      return;
    }
    case "thread": {
      const w = threadWaits.get(ev.id);
      if (!w) return;
      threadWaits.delete(ev.id);
      refsChanged();
      if (ev.ok) w.resolve(ev.data);
      else w.reject(ev.data);
      return;
    }
  }
}

/** Deliver one message that waited on a port until a listener appeared. */
export function flushLocal(): boolean {
  while (localQueue.length > 0) {
    const p = localQueue[0];
    const m = p._queue.shift();
    if (p._queue.length === 0 || !p._listening()) localQueue.shift();
    ctl[CTL.LOCAL_PENDING] = localQueue.length;
    if (m && p._listening()) {
      p._dispatch(m.data);
      return true;
    }
  }
  return false;
}
