/**
 * Ready contexts per host thread, made while the thread is idle (host-pool.ts says when), so a run
 * does not pay for the prelude's set-up: a spare in a new isolate (about 7 ms of CPU to make), and,
 * when the thread's last clean main-thread run gave its isolate back, a warm spare in that isolate.
 *
 * Only a run's main thread takes a warm spare. Worker threads always get a new isolate: a kept
 * isolate's heap carries the garbage and GC state of earlier runs, and the workers' CPU is what the
 * speedup checks compare (a correct word-frequency's two-worker speedup read 1.12 to 1.47 with kept
 * isolates for workers, 1.24 to 1.32 with new ones, against 1.15 required).
 */
import { CandidateIsolate, type RuntimeScripts, type WarmIsolate } from "./host-bridge";

let spare: CandidateIsolate | null = null;
let warmSpare: CandidateIsolate | null = null;
let kept: WarmIsolate | null = null;

function fits(x: { memoryMb: number; runtime: RuntimeScripts }, memoryMb: number, runtime: RuntimeScripts): boolean {
  return x.memoryMb === memoryMb && x.runtime === runtime;
}

function disposeIsolate(w: WarmIsolate | null): void {
  try {
    w?.isolate.dispose();
  } catch {
    /* already gone */
  }
}

function disposeKept(): void {
  disposeIsolate(kept);
  kept = null;
}

/** A context in the kept isolate, if it fits; the kept isolate is used up either way. */
function fromKept(memoryMb: number, runtime: RuntimeScripts): CandidateIsolate | null {
  const w = kept;
  kept = null;
  if (!w) return null;
  if (!fits(w, memoryMb, runtime)) {
    disposeIsolate(w);
    return null;
  }
  try {
    return new CandidateIsolate(memoryMb, runtime, w);
  } catch {
    // The kept isolate failed to make a context (it may be out of memory).
    disposeIsolate(w);
    return null;
  }
}

function takeFit(s: CandidateIsolate | null, memoryMb: number, runtime: RuntimeScripts): CandidateIsolate | null {
  if (s && fits(s, memoryMb, runtime) && !s.disposed) return s;
  s?.dispose();
  return null;
}

/** The context for a new run: a warm one only for a main thread (`mayReuse`), else a spare or a new isolate. */
export function takeSpareIsolate(memoryMb: number, runtime: RuntimeScripts, mayReuse: boolean): CandidateIsolate {
  if (mayReuse) {
    const w = takeFit(warmSpare, memoryMb, runtime) ?? fromKept(memoryMb, runtime);
    warmSpare = null;
    if (w) return w;
  }
  const s = takeFit(spare, memoryMb, runtime);
  spare = null;
  return s ?? new CandidateIsolate(memoryMb, runtime);
}

/** Make the next runs' contexts (call when idle). */
export function prepareSpareIsolate(memoryMb: number, runtime: RuntimeScripts): void {
  if (!spare || !fits(spare, memoryMb, runtime)) {
    spare?.dispose();
    spare = new CandidateIsolate(memoryMb, runtime);
  }
  if (kept && !warmSpare) warmSpare = fromKept(memoryMb, runtime);
}

/** A clean main-thread run's isolate, for the next warm spare (host-bridge.ts recycle()). */
export function keepWarmIsolate(w: WarmIsolate): void {
  disposeKept();
  warmSpare?.dispose();
  warmSpare = null;
  kept = w;
}

export function disposeSpareIsolate(): void {
  spare?.dispose();
  spare = null;
  warmSpare?.dispose();
  warmSpare = null;
  disposeKept();
}
