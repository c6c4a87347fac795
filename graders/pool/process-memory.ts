/**
 * A process's resident memory, from /proc (Linux). Where /proc cannot be read the answer is undefined,
 * and callers treat that as "unknown", never as zero.
 */
import { readFileSync } from "node:fs";

export function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
