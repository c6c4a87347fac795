/**
 * Memory for a speedup run's main thread, faulted in before its clock starts (RunSpec.threadsInTurn).
 *
 * Why: a thread's CPU time, the base of virtual time, includes the kernel's work on the page faults
 * of memory the thread touches for the first time, and on these virtual machines that work depends on
 * the host: a page that the guest gave back (free page reporting, most likely the cause) is faulted in
 * again by the host, about 17 us a page in the slow calls below against about 1-3 quiet. A
 * parallel-sort call allocates a 6 MB SharedArrayBuffer in the main thread, and the main thread's
 * buffers are not freed between calls (the host threads and the isolates that saw them hold them until
 * their next GC), so each call took fresh pages: 53,000 faults in one grading's main thread. In a bad
 * spell every call gained about 30 ms, in the one-worker and in the two-worker call alike, and a
 * correct sort's 1.6 read 1.27 (a CI run; quiet, the same copy cost 4-5 ms, and up to 30 ms in single
 * calls beside another grading). Taken from memory faulted in here, before the run's clock starts, the
 * same copy costs about 1.5 ms and the grading's main thread took about 9,000 faults.
 *
 * How: glibc serves a thread's blocks below the mmap threshold from that thread's arena. The threshold
 * is set to glibc's largest (32 MB), trimming and the release of free arena heaps are put off (trim
 * threshold and top pad), and PREFAULT_MB are allocated, written and freed in the calling thread's
 * arena, where the run's allocations then find them. The job's heap trim (pool/heap-trim.ts) gives them
 * back after the job. Where koffi or glibc's mallopt is missing, nothing happens.
 */
import { libc } from "./libc";

const M_TRIM_THRESHOLD = -1;
const M_MMAP_THRESHOLD = -3;
const M_TOP_PAD = -2;
/** glibc's largest mmap threshold on 64-bit: blocks below it come from the thread's arena. */
const MMAP_THRESHOLD_BYTES = 32 << 20;
const TRIM_THRESHOLD_BYTES = 1 << 30;
/** Also keeps a wholly free arena heap from being unmapped (glibc's heap_trim keeps top_pad). */
const TOP_PAD_BYTES = 256 << 20;
const BLOCK_BYTES = 16 << 20;

interface Calls {
  malloc(n: number): unknown;
  free(p: unknown): void;
  memset(p: unknown, c: number, n: number): unknown;
  mallopt(param: number, value: number): number;
}
let calls: Calls | null | undefined;

function load(): Calls | null {
  if (calls !== undefined) return calls;
  calls = null;
  const c = libc();
  if (!c) return null;
  try {
    const bound = {
      malloc: c.lib.func("malloc", "void *", ["size_t"]),
      free: c.lib.func("free", "void", ["void *"]),
      memset: c.lib.func("memset", "void *", ["void *", "int", "size_t"]),
      mallopt: c.lib.func("mallopt", "int", ["int", "int"]),
    } as Calls;
    // The tuning is process-wide and made once; without it a prefault would be trimmed away at once.
    const tuned = [[M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES], [M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES], [M_TOP_PAD, TOP_PAD_BYTES]]
      .every(([param, value]) => bound.mallopt(param, value) === 1);
    calls = tuned ? bound : null;
  } catch {
    calls = null;
  }
  return calls;
}

/** What a speedup run's main thread gets: a parallel-sort grading allocates about 200 MB there. */
export const PREFAULT_MB = 256;

/** Fault in `mb` of the calling thread's arena and leave it there, free, for the thread's allocations. */
export function prefaultArena(mb = PREFAULT_MB): void {
  const c = load();
  if (!c) return;
  const blocks: unknown[] = [];
  for (let done = 0; done < mb << 20; done += BLOCK_BYTES) {
    const p = c.malloc(BLOCK_BYTES);
    if (!p) break;
    c.memset(p, 0, BLOCK_BYTES);
    blocks.push(p);
  }
  for (const p of blocks) c.free(p);
}
