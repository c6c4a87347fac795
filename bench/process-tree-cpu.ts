/**
 * CPU time of processes and all their descendants, in ms, from each thread's /proc schedstat
 * (nanoseconds, not clock ticks). Back to back, a grading's latency cannot fall below its CPU time
 * over the cores, whoever spends it: the grader processes' host threads, their type checkers, or
 * the spare isolates made for the next submission. Linux only; null elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** A /proc file or listing, or null: the thread or process may end between the listing and the read. */
function gone<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** One pass over a process's threads: their CPU and the children they started. */
function treeNs(pid: number): number {
  let ns = 0;
  for (const tid of gone(() => readdirSync(`/proc/${pid}/task`)) ?? []) {
    const task = `/proc/${pid}/task/${tid}`;
    ns += Number(gone(() => readFileSync(`${task}/schedstat`, "utf8"))?.split(" ")[0] ?? 0);
    for (const c of (gone(() => readFileSync(`${task}/children`, "utf8")) ?? "").trim().split(/\s+/)) if (c) ns += treeNs(Number(c));
  }
  return ns;
}

/** CPU ms of `pids` and their descendants so far, or null where /proc cannot tell. */
export function processTreeCpuMs(pids: number[]): number | null {
  if (!existsSync("/proc/self/task")) return null;
  return pids.reduce((s, p) => s + treeNs(p), 0) / 1e6;
}
