/**
 * Every limit of a candidate run in one table (like piston's config): name, default, unit and how
 * precisely it is enforced. Problem packages may lower a limit; nothing may raise one past `cap`.
 */
import type { RunLimits } from "./sandbox/run-spec";

export interface LimitInfo {
  default: number;
  cap: number;
  unit: string;
  /** What the number means and how exactly it is enforced. */
  precision: string;
}

export const LIMITS: Record<keyof RunLimits, LimitInfo> = {
  virtualMs: {
    // A program may sleep for hours of virtual time (the catalogue's sleep(3_600_000) example): waiting
    // costs no CPU, so a day is a safe default; problems lower it.
    default: 24 * 3_600_000, cap: 24 * 3_600_000, unit: "virtual ms",
    precision: "checked whenever a thread's virtual clock would pass it (timer jumps and CPU); a never-settling promise ends here",
  },
  cpuMs: {
    default: 10_000, cap: 60_000, unit: "CPU ms",
    precision: "summed over all candidate threads from each host thread's CPU clock: finished macrotasks plus the running ones' CPU so far, checked every 5 ms while code runs and at the end of every macrotask; the isolate timeout of 10x the budget + 1 s of wall time is the last resort",
  },
  wallMs: {
    default: 60_000, cap: 300_000, unit: "wall ms",
    precision: "safety net only, so machine load never decides: each period of this length the run must have spent some candidate CPU, else time_limit_exceeded; a run still computing is given more periods up to the cap",
  },
  memoryMb: {
    default: 128, cap: 512, unit: "MB per isolate",
    precision: "isolated-vm memoryLimit (V8 heap of each isolate: main and every worker); V8 may overshoot slightly before disposing",
  },
  outputBytes: {
    default: 1 << 20, cap: 16 << 20, unit: "bytes (UTF-8, stdout + stderr)",
    precision: "exact: the run stops inside the console call that crosses it",
  },
  maxWorkers: { default: 16, cap: 64, unit: "worker threads alive at once", precision: "exact, checked at new Worker()/startThread()" },
  maxWorkersTotal: { default: 64, cap: 256, unit: "worker threads over the run", precision: "exact, checked at new Worker()/startThread()" },
  maxMessages: { default: 200_000, cap: 2_000_000, unit: "messages between threads", precision: "exact, checked at postMessage()" },
};

/** Defaults for every limit. */
export function defaultLimits(): RunLimits {
  const out = {} as RunLimits;
  for (const k of Object.keys(LIMITS) as (keyof RunLimits)[]) out[k] = LIMITS[k].default;
  return out;
}

/** Defaults, overridden by `partial`, each clamped to its cap. */
export function resolveLimits(partial: Partial<RunLimits> = {}): RunLimits {
  const out = defaultLimits();
  for (const k of Object.keys(LIMITS) as (keyof RunLimits)[]) {
    const v = partial[k];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[k] = Math.min(v, LIMITS[k].cap);
  }
  return out;
}

/** The message of a run stopped by its CPU budget (the same whichever side of the run saw it first). */
export function cpuLimitMessage(cpuMs: number, detail = ""): string {
  return `CPU time limit of ${cpuMs} ms exceeded${detail}`;
}

/** Virtual cost of starting a Worker (not measured: a constant, so time stays load-independent). */
export const WORKER_STARTUP_VIRTUAL_MS = 5;
/** A macrotask longer than this (CPU ms) is drawn as "blocked" on the timeline unless the spec says otherwise. */
export const BLOCKED_TASK_MS = 50;
/** Timeline spans kept per lane before short neighbours are merged. */
export const TIMELINE_MAX_SPANS = 400;
