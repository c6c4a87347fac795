/**
 * The isolate's side of the host bridge: the callbacks the host thread installed as globals before
 * the prelude ran. The prelude reads them once and deletes the globals, so candidate code never
 * sees them; every other runtime module calls the host through this object only.
 */
import { HOST_CALLBACKS, type SharedAddress } from "../host-callbacks";

export interface HostFns {
  now(): number;
  write(stream: number, text: string): void;
  post(kind: string, target: number, data: unknown, ports: number[]): void;
  spawn(kind: string, source: string, data: unknown, opts: unknown): number;
  terminate(threadId: number): void;
  wait(ta: Int32Array | BigInt64Array, index: number, value: unknown, timeoutMs: number, at: SharedAddress): string;
  notified(ta: Int32Array | BigInt64Array, index: number, count: number | undefined, at: SharedAddress): number;
  delay(us: number): void;
  mark(label: string, data: unknown): void;
  log(text: string): void;
  forbidden(name: string): void;
  settle(ok: boolean, value: unknown): void;
  uncaught(text: string, info: unknown, error: unknown): void;
  channel(): number[];
  portClose(portId: number): void;
  clone(value: unknown): unknown;
  mainDone(): void;
  oom(what: string): void;
  /** A SharedArrayBuffer from the host thread's allocator (shared-buffer.ts). */
  sab(byteLength: number): SharedArrayBuffer;
  /** A new run-wide id for a shared memory. */
  sharedId(): number;
  /** The inspect script's value, compiled into this isolate on first request (inspect-lib.ts). */
  inspectScript(): unknown;
}

export { CTL } from "../control-cells";

const g = globalThis as unknown as Record<string, unknown>;
const names = [...HOST_CALLBACKS, "clone", "inspectScript"] as const;

export const host = {} as HostFns;
export let ctl = new Float64Array(8);

/** isolated-vm's ExternalCopy class in this isolate, taken from the `__h_xcopy` handle the host installed. */
export type ExternalCopyClass = new (value: unknown, options: { transferOut: boolean }) => { release(): void };
export let ExternalCopy: ExternalCopyClass | null = null;

/** Take the callbacks the host installed for this isolate (called once, before any candidate code). */
export function attachHost(): void {
  for (const n of names) {
    const key = "__h_" + n;
    (host as unknown as Record<string, unknown>)[n] = g[key];
    delete g[key];
  }
  ctl = g.__h_ctl as Float64Array;
  delete g.__h_ctl;
  const xcopy = g.__h_xcopy as { constructor: ExternalCopyClass } | undefined;
  ExternalCopy = xcopy ? xcopy.constructor : null;
  delete g.__h_xcopy;
}
