/**
 * ArrayBuffers in a transfer list (postMessage(x, [ab]), structuredClone(x, { transfer }), a Worker's
 * transferList): the receiver gets a copy of the bytes in a buffer of its own isolate (the host's
 * structured clone makes it), and the sender's buffer is detached here, after the copy, as Node's are.
 *
 * The detach uses isolated-vm's ExternalCopy with transferOut, made and released inside this isolate,
 * in the same synchronous call: transferOut moves the backing store (allocated by this isolate's
 * LimitedAllocator) into the copy, and release() drops the only reference at once, so the store is
 * freed through this isolate's allocator while this isolate is running. It never reaches another
 * isolate or the host, whose later free into a disposed isolate's environment corrupted heaps.
 * V8 11.3 (Node 20) has no ArrayBuffer.prototype.transfer to do it otherwise.
 */
import { ExternalCopy } from "./host";
import { DOMException } from "./events";

/** The ArrayBuffers a transfer list moves; a buffer listed twice is Node's DataCloneError. */
export function transferredBuffers(list: Iterable<unknown>): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const t of list) {
    if (!(t instanceof ArrayBuffer)) continue;
    if (buffers.includes(t)) throw new DOMException("Transfer list contains duplicate ArrayBuffer", "DataCloneError");
    buffers.push(t);
  }
  return buffers;
}

/** Detach each buffer: byteLength 0 and views of it empty, as after Node's transfer. */
export function detachAll(buffers: ArrayBuffer[]): void {
  for (const b of buffers) detach(b);
}

function detach(buffer: ArrayBuffer): void {
  if (!ExternalCopy) return;
  let moved: { release(): void };
  try {
    moved = new ExternalCopy(buffer, { transferOut: true });
  } catch {
    // Not detachable (a WebAssembly.Memory's buffer): Node leaves it as it is too.
    return;
  }
  moved.release();
}
