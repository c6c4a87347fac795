/**
 * Report shapes the pool needs without loading the grading engine (the web server imports the pool
 * through graders/index.ts; the engine and the sandbox runtime load only inside grader processes).
 */
import { REPORT_VERSION, type Report } from "../report";

export const MEASUREMENT_METHOD =
  "Time is virtual. Each candidate thread has its own clock that advances with the CPU time that thread " +
  "uses (read per host thread from the operating system's per-thread CPU clock, so load on the grading machine does not " +
  "change it); when every thread waits, time jumps to the next timer. Messages between threads carry " +
  "Lamport timestamps: a receiver's clock moves to at least the sender's time of sending. Blocking is the " +
  "main thread's longest single macrotask in CPU ms. Speedup is the candidate's own one-worker virtual " +
  "makespan divided by its N-worker makespan, both measured in the same grading run. Wall time is shown " +
  "for information and never decides a verdict.";

/** A report for a failure of the grader itself (never blamed on the candidate). */
/** `detail` (e.g. the dead process's last stderr line) goes to `internal` for operators, not to the summary. */
export function internalErrorReport(pkg: { config: { slug: string; version: number } }, message: string, attempts: number, seed = 0, detail?: string): Report {
  return {
    version: REPORT_VERSION,
    problem: { slug: pkg.config.slug, version: pkg.config.version },
    verdict: "internal_error",
    score: 0,
    summary: `The grader itself failed (${message}). This is not a problem with your code; it was retried ${attempts > 1 ? "once" : "not at all"}.`,
    tests: [],
    metrics: { totalMs: 0, testsRun: 0, testsPassed: 0 },
    seed,
    method: MEASUREMENT_METHOD,
    internal: { message: detail ? `${message}; ${detail}` : message, attempts },
  };
}

