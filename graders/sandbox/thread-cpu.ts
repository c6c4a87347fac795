/**
 * CPU time of OS threads, in ns: clock_gettime through koffi (about 1 µs a call). Load-robust, unlike
 * isolate.cpuTime, and exact to the nanosecond.
 *
 * /proc/thread-self/schedstat, the fallback where libc cannot be loaded, is load-robust too but the
 * kernel only folds the running thread's time into it at a scheduler tick (4 ms here, HZ=250): read
 * within a macrotask it stood still, then jumped 4 ms. Two setTimeout calls a few µs apart then
 * landed in different milliseconds now and then, and short macrotasks read as 0 or 4 ms.
 */
import { openSync, readSync } from "node:fs";
import { libc as loadLibc } from "./libc";

const CLOCK_THREAD_CPUTIME_ID = 3;

interface Libc {
  /** Nanoseconds on a clock (CLOCK_THREAD_CPUTIME_ID, or another thread's CPU clock id). */
  clockNs(clockId: number): number;
  /** The calling thread's CPU clock id: any thread of the process can read it with clockNs. */
  ownClockId(): number;
}

function clockFunctions(): Libc | null {
  const c = loadLibc();
  if (!c) return null;
  const { koffi, lib: libc } = c;
  try {
    // Anonymous types: koffi's type names are process-wide, and a module loaded twice (jest's registry
    // per test file) failed to declare a named one again, leaving that copy without a precise clock.
    const timespec = koffi.struct({ tv_sec: "int64", tv_nsec: "long" });
    const clockGettime = libc.func("clock_gettime", "int", ["int", koffi.out(koffi.pointer(timespec))]);
    const pthreadSelf = libc.func("pthread_self", "unsigned long", []);
    const getCpuClockId = libc.func("pthread_getcpuclockid", "int", ["unsigned long", koffi.out(koffi.pointer("int"))]);
    const ts = { tv_sec: 0, tv_nsec: 0 };
    const id = [0];
    return {
      clockNs(clockId) {
        if (clockGettime(clockId, ts) !== 0) return -1;
        return ts.tv_sec * 1e9 + ts.tv_nsec;
      },
      ownClockId() {
        return getCpuClockId(pthreadSelf(), id) === 0 ? id[0] : 0;
      },
    };
  } catch {
    return null;
  }
}

function schedstatClock(): () => number {
  let fd = -1;
  const buf = Buffer.alloc(64);
  return () => {
    if (fd < 0) fd = openSync("/proc/thread-self/schedstat", "r");
    const n = readSync(fd, buf, 0, 64, 0);
    let v = 0;
    for (let i = 0; i < n; i++) {
      const c = buf[i];
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    return v;
  };
}

/** Module state is per worker thread, so each host thread gets its own clock and buffers. */
const libc = clockFunctions();
let ownClockId: number | null = null;

export const threadCpuNs: () => number = libc ? () => libc.clockNs(CLOCK_THREAD_CPUTIME_ID) : schedstatClock();

/** The calling thread's CPU clock id, for otherThreadCpuNs; 0 where it cannot be had. */
export function ownCpuClockId(): number {
  ownClockId ??= libc ? libc.ownClockId() : 0;
  return ownClockId;
}

/** CPU time of another thread of this process from its clock id; null when unknown. */
export function otherThreadCpuNs(clockId: number): number | null {
  if (!libc || clockId === 0) return null;
  const v = libc.clockNs(clockId);
  return v < 0 ? null : v;
}
