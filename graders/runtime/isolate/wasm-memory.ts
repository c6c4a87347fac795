/**
 * WebAssembly memory lives outside the V8 heap, so isolated-vm's memoryLimit never sees it: a module
 * could grow towards 4 GiB on the grader's machine. Every Memory's pages count against the thread's
 * memory limit; crossing it ends the run as memory_limit_exceeded, like a heap that is too large.
 */
import { host } from "./host";
import { O } from "./intrinsics";
import { noteShared } from "./shared-identity";

const PAGE = 65536;

export function limitWasmMemory(limitBytes: number): void {
  const W = (globalThis as unknown as { WebAssembly?: { Memory: new (d: { initial: number; maximum?: number }) => { buffer: ArrayBuffer; grow(n: number): number } } }).WebAssembly;
  if (!W || typeof W.Memory !== "function") return;
  const RealMemory = W.Memory;
  const realGrow = RealMemory.prototype.grow;
  let total = 0;
  const claim = (bytes: number) => {
    if (total + bytes > limitBytes) host.oom("WebAssembly.Memory");
    total += bytes;
  };
  O.defineProperty(RealMemory.prototype, "grow", {
    value: function grow(this: { buffer: ArrayBuffer }, delta: number) {
      claim(Math.max(0, Number(delta) || 0) * PAGE);
      return O.reflectApply(realGrow, this, [delta]);
    },
    writable: true, configurable: true, enumerable: false,
  });
  const Memory = new Proxy(RealMemory, {
    construct(target, args, newTarget) {
      const d = args[0] as { initial?: number; shared?: boolean } | undefined;
      claim(Math.max(0, Number(d?.initial) || 0) * PAGE);
      if (d?.shared) noteShared();
      return Reflect.construct(target, args, newTarget === Memory ? target : newTarget);
    },
  });
  O.defineProperty(RealMemory.prototype, "constructor", { value: Memory, writable: true, configurable: true, enumerable: false });
  O.defineProperty(W, "Memory", { value: Memory, writable: true, configurable: true, enumerable: false });
}
