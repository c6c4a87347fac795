/**
 * Marks a context whose program started work V8 finishes later on its own: FinalizationRegistry
 * callbacks, Atomics.waitAsync, WebAssembly's async compile and instantiate. V8 runs that work as
 * tasks when the isolate is next entered, so in an isolate kept for another run (host-bridge.ts) it
 * would run inside that run's calls, on its CPU time. The host never keeps such an isolate.
 * The wrappers change nothing else: same names, same prototypes, same results.
 */
import { ctl, CTL } from "./host";
import { O } from "./intrinsics";

function mark(): void {
  ctl[CTL.DEFERRED] = 1;
}

function wrapMethod(owner: Record<string, unknown> | undefined, name: string): void {
  const orig = owner?.[name];
  if (typeof orig !== "function") return;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]) {
      mark();
      return O.reflectApply(orig as (...a: unknown[]) => unknown, this, args);
    },
  }[name];
  O.defineProperty(owner!, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

/** Install the marks (each context, before any candidate code). */
export function trackDeferredWork(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const FR = g.FinalizationRegistry as (new (cb: (held: unknown) => void) => object) | undefined;
  if (FR) {
    const tracked = new Proxy(FR, {
      construct(target, args, newTarget) {
        mark();
        return Reflect.construct(target, args, newTarget);
      },
    });
    O.defineProperty(g, "FinalizationRegistry", { value: tracked, writable: true, configurable: true, enumerable: false });
  }
  wrapMethod(Atomics as unknown as Record<string, unknown>, "waitAsync");
  const W = g.WebAssembly as Record<string, unknown> | undefined;
  for (const name of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) wrapMethod(W, name);
}
