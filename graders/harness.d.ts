/**
 * `import * as h from "grader:harness"` — available to trusted driver modules only
 * (problems/<slug>/driver.ts), inside the sandbox. Every function here is captured
 * before candidate code runs, so a candidate that rewrites globals cannot change them.
 */
declare module "grader:harness" {
  /** Virtual time of the calling thread, ms (what performance.now() would say, untampered). */
  export function now(): number;
  /** Append a mark to the grader's trace (read by the host-side checker), stamped with virtual time and thread. */
  export function record(label: string, data?: unknown): void;
  /** Append a line to the grader-side log (e.g. what a print callback printed). */
  export function log(text: string): void;
  /** Seeded PRNG in [0, 1) for this run (seed from the RunSpec). */
  export function random(): number;
  /** The run's seed (0 = unperturbed schedule). */
  export const seed: number;
  /** Id of the calling candidate thread (0 = main). */
  export const threadId: number;
  /**
   * Perturb the real schedule: under a non-zero seed, spin or yield the calling thread for a
   * seeded random real duration (microseconds). Costs no virtual time. No-op with seed 0.
   */
  export function perturb(): void;
  /**
   * Start a candidate thread (an isolate on its own host thread) that imports the driver and the
   * solution, then calls the driver's export `entry(data, solution)`. Resolves with its return
   * value (structured clone), rejects if it throws. `data` may hold SharedArrayBuffers (shared).
   * Counts as a worker for the limits. Used by the threads track.
   */
  export function startThread(entry: string, data: unknown): Promise<unknown>;
  /** Virtual sleep for drivers, independent of candidate timers tampering. */
  export function sleep(ms: number): Promise<void>;
  /**
   * Block the calling thread (Atomics.wait) until `cells[index] >= target` or `ms` of virtual time have
   * passed; returns the cell's last value. Virtual time passes in a wait only when every thread is
   * blocked, so the wait ends as soon as the other side gets there, or once it certainly never will.
   */
  export function awaitAtLeast(cells: Int32Array, index: number, target: number, ms: number): number;
}
