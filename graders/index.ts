/**
 * The public entry of the graders: (problem package, source, options) -> Report, graded in a pool of
 * grader processes (never in the caller's process). The app, the CLI and the bench call this.
 *
 *   import { grade, closeDefaultPool } from "@/graders";
 *   const report = await grade(pkg, source, { seed: 1234 });
 */
import type { ProblemPackage } from "./problem-package";
import type { Report } from "./report";
import { GraderPool, type GraderPoolOptions } from "./pool/supervisor";
import type { WireGradeOptions } from "./pool/protocol";

export type GradeOptions = WireGradeOptions;
export type { GraderPoolOptions } from "./pool/supervisor";
export { GraderPool } from "./pool/supervisor";
export type { Report, Verdict, TestResult, CheckOutcome, Diagnostic, TestMetrics, Timeline, TimelineLane, TimelineSpan, TimelineMark } from "./report";
export { REPORT_VERSION, VERDICTS } from "./report";
export type { ProblemPackage, ProblemConfig, TestCase, CheckContext, Checker } from "./problem-package";
export { loadPackage, loadAllPackages, validatePackage, ProblemPackageError } from "./problem-package";
export { GraderError, type GraderErrorCode, type Fault } from "./errors";
export { VERDICT_PRECEDENCE } from "./verdict";

let defaultPool: GraderPool | undefined;

/** A pool of its own (e.g. for a bench or a dedicated queue worker). Close it when done. */
export function createGraderPool(options: GraderPoolOptions = {}): GraderPool {
  return new GraderPool(options);
}

/**
 * Grades a submission on the shared pool, started on first use with os.availableParallelism()
 * processes. Resolves with a Report for every outcome (internal_error included).
 */
export function grade(pkg: ProblemPackage, source: string, options: GradeOptions = {}): Promise<Report> {
  defaultPool ??= new GraderPool();
  return defaultPool.grade(pkg, source, options);
}

/** Stops the shared pool's processes (CLI exit, tests, server shutdown). A later grade() starts a new one. */
export async function closeDefaultPool(): Promise<void> {
  const pool = defaultPool;
  defaultPool = undefined;
  await pool?.close();
}
