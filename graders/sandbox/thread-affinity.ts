/**
 * Pinning a host thread to one CPU, for runs whose threads take turns (thread-turn.ts).
 *
 * Why: on a virtual machine the cores need not be equally fast. On the 2-core VMs here the same loop
 * cost 1.75x the CPU time on cpu0 that it cost on cpu1 (`taskset -c 0|1`), so a thread's CPU time, the
 * base of virtual time, depended on which core the kernel put it on: a word-frequency worker read 44 or
 * 69 ms for the same half of the text. Threads that take turns never run at once anyway, so running
 * them all on one core loses nothing, and every macrotask of the run is measured on the same core.
 * Through koffi (libc.ts); where it cannot be had, threads run unpinned.
 */
import { libc } from "./libc";

const MASK_BYTES = 128; // cpu_set_t: 1024 CPUs

interface Affinity {
  get(): Buffer | null;
  set(mask: Buffer): boolean;
}

function affinityCalls(): Affinity | null {
  const c = libc();
  if (!c) return null;
  try {
    // pid 0: the calling thread.
    const getaffinity = c.lib.func("sched_getaffinity", "int", ["int", "size_t", "void *"]);
    const setaffinity = c.lib.func("sched_setaffinity", "int", ["int", "size_t", "void *"]);
    return {
      get() {
        const mask = Buffer.alloc(MASK_BYTES);
        return getaffinity(0, MASK_BYTES, mask) === 0 ? mask : null;
      },
      set: (mask) => setaffinity(0, MASK_BYTES, mask) === 0,
    };
  } catch {
    return null;
  }
}

/** Module state is per worker thread: each host thread binds its own. */
let calls: Affinity | null | undefined;

/**
 * Pin the calling thread to `cpu` if it may run there; returns what undoes it (null when not pinned).
 */
export function pinToCpu(cpu: number): (() => void) | null {
  if (calls === undefined) calls = affinityCalls();
  if (!calls) return null;
  const before = calls.get();
  if (!before || !(before[cpu >> 3] & (1 << (cpu & 7)))) return null;
  const one = Buffer.alloc(MASK_BYTES);
  one[cpu >> 3] = 1 << (cpu & 7);
  if (!calls.set(one)) return null;
  return () => {
    calls!.set(before);
  };
}
