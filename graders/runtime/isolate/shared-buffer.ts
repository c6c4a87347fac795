/**
 * SharedArrayBuffers come from the host thread's allocator, never from the isolate's own.
 *
 * isolated-vm's ArrayBuffer allocator writes into its isolate's environment when it frees a buffer
 * (LimitedAllocator::Free, isolated-vm 5.0.4), even after that environment is gone. A shared buffer
 * often outlives the isolate that made it (a worker ends while main keeps the buffer; a host-side copy
 * waits for the host's GC), and the write then lands in freed memory: heap corruption that crashed
 * grader processes on thread-heavy problems, at random places and more often under load. A buffer made
 * by the host lives on the host thread's allocator, which outlives every isolate of the process;
 * isolated-vm still counts it against this isolate's memory limit when it arrives.
 */
import { host } from "./host";
import { O } from "./intrinsics";
import { sharedId } from "./shared-identity";

const MAX_SAFE_INDEX = 2 ** 53 - 1;

function toIndex(value: unknown): number {
  const n = value === undefined ? 0 : Math.trunc(Number(value)) || 0;
  if (n < 0 || n > MAX_SAFE_INDEX) throw new O.RangeError("Invalid array buffer length");
  return n;
}

export function hostSharedArrayBuffers(limitBytes: number): void {
  const g = globalThis as unknown as { SharedArrayBuffer: SharedArrayBufferConstructor };
  const Native = g.SharedArrayBuffer;
  // A Proxy keeps what code can see of the constructor (name, length, toString, Symbol.species), as
  // in wasm-memory.ts; calling it without `new` still throws Node's TypeError.
  const SharedArrayBuffer: SharedArrayBufferConstructor = new Proxy(Native, {
    construct(_target, args, newTarget) {
      const bytes = toIndex(args[0]);
      // Past the limit it could never arrive: end the run as a heap that is too large would.
      if (bytes > limitBytes) host.oom(`SharedArrayBuffer of ${bytes} bytes`);
      const sab = host.sab(bytes);
      sharedId(sab);
      if (newTarget !== SharedArrayBuffer) Object.setPrototypeOf(sab, (newTarget as { prototype: object }).prototype);
      return sab;
    },
  });
  O.defineProperty(Native.prototype, "constructor", { value: SharedArrayBuffer, writable: true, configurable: true, enumerable: false });
  O.defineProperty(g, "SharedArrayBuffer", { value: SharedArrayBuffer, writable: true, configurable: true, enumerable: false });
}
