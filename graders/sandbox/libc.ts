/**
 * The C library of this process through koffi, for the few calls Node does not offer (a thread's CPU
 * clock, _exit). Loaded once per thread (module state is per worker thread); null where it cannot be
 * had (not Linux, or koffi missing), and callers fall back to what Node has.
 */
type Koffi = typeof import("koffi");
export interface LoadedLibc {
  koffi: Koffi;
  lib: ReturnType<Koffi["load"]>;
}

let loaded: LoadedLibc | null | undefined;

export function libc(): LoadedLibc | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.platform !== "linux") return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a native module, loaded on first use
    const koffi = require("koffi") as Koffi;
    loaded = { koffi, lib: koffi.load("libc.so.6") };
  } catch {
    // no koffi for this platform: callers fall back
  }
  return loaded;
}
