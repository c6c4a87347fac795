/**
 * CPU time of the calling OS thread, in ns, from /proc/thread-self/schedstat (first field). Load-robust,
 * unlike isolate.cpuTime. The fd is opened once per host thread (module state is per worker thread).
 */
import { openSync, readSync } from "node:fs";

let fd = -1;
const buf = Buffer.alloc(64);

export function threadCpuNs(): number {
  if (fd < 0) fd = openSync("/proc/thread-self/schedstat", "r");
  const n = readSync(fd, buf, 0, 64, 0);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return v;
}
