/**
 * One ready isolate per host thread, made while the thread is idle: a run takes it instead of paying
 * for the prelude's evaluation and warm-up (about 30 ms of CPU per isolate, once per test).
 */
import { CandidateIsolate } from "./host-bridge";

let spare: CandidateIsolate | null = null;

/** The spare when it fits (same memory limit and prelude), else a new isolate made now. */
export function takeSpareIsolate(memoryMb: number, prelude: string): CandidateIsolate {
  const s = spare;
  spare = null;
  if (s && s.memoryMb === memoryMb && s.prelude === prelude && !s.disposed) return s;
  s?.dispose();
  return new CandidateIsolate(memoryMb, prelude);
}

/** Make the next run's isolate (call when idle). */
export function prepareSpareIsolate(memoryMb: number, prelude: string): void {
  if (spare && spare.memoryMb === memoryMb && spare.prelude === prelude) return;
  spare?.dispose();
  spare = new CandidateIsolate(memoryMb, prelude);
}

export function disposeSpareIsolate(): void {
  spare?.dispose();
  spare = null;
}
