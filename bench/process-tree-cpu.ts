/**
 * CPU time of processes and all their descendants, in ms, from each thread's /proc schedstat
 * (nanoseconds, not clock ticks). Back to back, a grading's latency cannot fall below its CPU time
 * over the cores, whoever spends it: the grader processes' host threads, their type checkers, or
 * the spare isolates made for the next submission. Linux only; null elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the thread or process ended between the listing and the read
  }
}

function ownThreadsNs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(" ")[0] ?? 0);
  return ns;
}

function children(pid: number): number[] {
  const out: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    for (const c of (read(`/proc/${pid}/task/${tid}/children`) ?? "").trim().split(/\s+/)) if (c) out.push(Number(c));
  }
  return out;
}

function treeNs(pid: number): number {
  if (!existsSync(`/proc/${pid}/task`)) return 0;
  return ownThreadsNs(pid) + children(pid).reduce((s, c) => s + treeNs(c), 0);
}

/** CPU ms of `pids` and their descendants so far, or null where /proc cannot tell. */
export function processTreeCpuMs(pids: number[]): number | null {
  if (!existsSync("/proc/self/task")) return null;
  return pids.reduce((s, p) => s + treeNs(p), 0) / 1e6;
}
