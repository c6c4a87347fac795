/**
 * Which SharedArrayBuffers are the same memory. Each thread holds its own SharedArrayBuffer object for
 * one memory, and Atomics.wait/notify must match a notify to the waiters on the same address, so every
 * shared memory gets a run-wide id that travels with it: through postMessage, workerData and
 * structuredClone, as a list of (buffer, id) pairs cloned together with the value, so that the copies
 * of one clone are the buffers of the other.
 *
 * Only a thread that has held a shared buffer pays for looking through what it sends: a thread that
 * never had one cannot send one.
 */
import type { SharedAddress } from "../host-callbacks";
import { host } from "./host";
import { O } from "./intrinsics";

const SHARED_MARK = "\u0000graderShared";

const ids = new O.WeakMap<object, number>();
const wmGet = WeakMap.prototype.get;
const wmSet = WeakMap.prototype.set;
const isView = ArrayBuffer.isView;
const viewBuffer = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "buffer")!.get!;
const viewOffset = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "byteOffset")!.get!;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, "buffer")!.get!;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const objectKeys = Object.keys;
const NativeSAB = SharedArrayBuffer;
const WasmMemory = (globalThis as unknown as { WebAssembly?: { Memory: new (...a: never[]) => { buffer: ArrayBuffer } } }).WebAssembly?.Memory;
const memoryBuffer = WasmMemory ? Object.getOwnPropertyDescriptor(WasmMemory.prototype, "buffer")?.get : undefined;

/** Set once this thread has held a shared buffer. */
let holdsShared = false;

function register(sab: object, id: number): void {
  O.reflectApply(wmSet, ids, [sab, id]);
  holdsShared = true;
}

/** The run-wide id of a shared buffer (a new one for a buffer this thread made or has not seen sent). */
export function sharedId(sab: SharedArrayBuffer): number {
  let id = O.reflectApply(wmGet, ids, [sab]) as number | undefined;
  if (id === undefined) {
    id = host.sharedId();
    register(sab, id);
  }
  return id;
}

/** Where Atomics.wait/notify act: the buffer's id and the byte the element starts at. */
export function sharedAddress(ta: Int32Array | BigInt64Array, index: number): SharedAddress {
  const sab = O.reflectApply(viewBuffer, ta, []) as SharedArrayBuffer;
  const offset = O.reflectApply(viewOffset, ta, []) as number;
  return [sharedId(sab), offset + index * ta.BYTES_PER_ELEMENT];
}

/** A shared memory came into this thread some other way (a shared WebAssembly.Memory). */
export function noteShared(): void {
  holdsShared = true;
}

/** The shared buffers a structured clone of `value` would share, each once. */
function sharedIn(value: unknown): SharedArrayBuffer[] {
  const found: SharedArrayBuffer[] = [];
  const seen = new O.Set<unknown>();
  const stack: unknown[] = [];
  const visit = (v: unknown) => {
    if (v !== null && typeof v === "object") stack.push(v);
  };
  visit(value);
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (seen.has(v)) continue;
    seen.add(v);
    if (v instanceof NativeSAB) found.push(v);
    else if (isView(v)) visit(O.reflectApply(v instanceof DataView ? dataViewBuffer : viewBuffer, v, []));
    else if (v instanceof ArrayBuffer) continue;
    else if (v instanceof O.Map) O.reflectApply(mapForEach, v, [(x: unknown, k: unknown) => (visit(k), visit(x))]);
    else if (v instanceof O.Set) O.reflectApply(setForEach, v, [visit]);
    else if (WasmMemory && memoryBuffer && v instanceof WasmMemory) visit(O.reflectApply(memoryBuffer, v, []));
    else if (O.ArrayIsArray(v)) for (let i = 0; i < (v as unknown[]).length; i++) visit((v as unknown[])[i]);
    else for (const k of objectKeys(v)) visit((v as Record<string, unknown>)[k]);
  }
  return found;
}

/** `value`, or a wrapper that carries the ids of the shared buffers in it (what to hand to the host). */
export function withSharedIds(value: unknown): unknown {
  if (!holdsShared) return value;
  let sabs: SharedArrayBuffer[];
  try {
    sabs = sharedIn(value);
  } catch {
    // A Proxy trap or a getter threw: the clone itself will fail the way Node's does (DataCloneError).
    return value;
  }
  if (sabs.length === 0) return value;
  const list: number[] = [];
  for (const s of sabs) list.push(sharedId(s));
  return { [SHARED_MARK]: list, v: value, s: sabs };
}

/** What withSharedIds wrapped, after the clone: its buffers registered under their ids. */
export function adoptSharedIds(value: unknown): unknown {
  if (value === null || typeof value !== "object" || !O.reflectApply(Object.prototype.hasOwnProperty, value, [SHARED_MARK])) return value;
  const w = value as { [SHARED_MARK]: number[]; v: unknown; s: SharedArrayBuffer[] };
  const list = w[SHARED_MARK];
  for (let i = 0; i < list.length; i++) register(w.s[i], list[i]);
  return w.v;
}
