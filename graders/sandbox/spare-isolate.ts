/**
 * One ready context per host thread, made while the thread is idle: a run takes it instead of paying
 * for the prelude's set-up. It is made in the isolate the thread's last clean run gave back (a few ms
 * of CPU) when there is one with the same settings, else in a new isolate (about 25 ms).
 */
import { CandidateIsolate, type WarmIsolate } from "./host-bridge";

let spare: CandidateIsolate | null = null;
let warm: WarmIsolate | null = null;

function fits(x: { memoryMb: number; prelude: string }, memoryMb: number, prelude: string): boolean {
  return x.memoryMb === memoryMb && x.prelude === prelude;
}

function disposeWarm(): void {
  try {
    warm?.isolate.dispose();
  } catch {
    /* already gone */
  }
  warm = null;
}

function make(memoryMb: number, prelude: string): CandidateIsolate {
  const w = warm && fits(warm, memoryMb, prelude) ? warm : null;
  if (!w) disposeWarm();
  warm = null;
  try {
    return new CandidateIsolate(memoryMb, prelude, w ?? undefined);
  } catch (e) {
    if (!w) throw e;
    // The kept isolate failed to make a context (it may be out of memory): a new one, then.
    try {
      w.isolate.dispose();
    } catch {
      /* already gone */
    }
    return new CandidateIsolate(memoryMb, prelude);
  }
}

/** The spare when it fits (same memory limit and prelude), else one made now. */
export function takeSpareIsolate(memoryMb: number, prelude: string): CandidateIsolate {
  const s = spare;
  spare = null;
  if (s && fits(s, memoryMb, prelude) && !s.disposed) return s;
  s?.dispose();
  return make(memoryMb, prelude);
}

/** Make the next run's context (call when idle). */
export function prepareSpareIsolate(memoryMb: number, prelude: string): void {
  if (spare && fits(spare, memoryMb, prelude)) return;
  spare?.dispose();
  spare = make(memoryMb, prelude);
}

/** A clean run's isolate, for the next spare (host-bridge.ts recycle()). */
export function keepWarmIsolate(w: WarmIsolate): void {
  disposeWarm();
  warm = w;
}

export function disposeSpareIsolate(): void {
  spare?.dispose();
  spare = null;
  disposeWarm();
}
