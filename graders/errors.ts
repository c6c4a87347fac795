/**
 * Errors of the grading engine. They cross process boundaries (grader process -> supervisor -> app), so
 * they are matched by `code`, never by `instanceof`, and every code says whose fault it is: a candidate
 * fault becomes a verdict, a grader or problem fault becomes internal_error (retried, never blamed on
 * the candidate).
 */
import type { Verdict } from "./report";

export type Fault = "candidate" | "grader" | "problem";

export const GRADER_ERROR_CODES = {
  /** The candidate's source does not compile or lacks a required export. */
  COMPILE_FAILED: { fault: "candidate", verdict: "compile_error" },
  /** The grader process died twice on one job and the death looked like V8 running out of heap. */
  PROCESS_OUT_OF_MEMORY: { fault: "candidate", verdict: "memory_limit_exceeded" },
  /** The grader process died twice on one job for another reason (crash, SIGKILL). */
  PROCESS_DIED: { fault: "grader", verdict: "internal_error" },
  /** The per-job wall watchdog fired: the grader process hung. */
  JOB_TIMEOUT: { fault: "grader", verdict: "internal_error" },
  /** The pool was closed while the job waited or ran. */
  POOL_CLOSED: { fault: "grader", verdict: "internal_error" },
  /** The problem's driver does not compile. */
  DRIVER_COMPILE_FAILED: { fault: "problem", verdict: "internal_error" },
  /** checker.ts does not bundle, does not export check(), or throws. */
  CHECKER_FAILED: { fault: "problem", verdict: "internal_error" },
  /** problem.json / tests.json invalid. */
  PROBLEM_PACKAGE_INVALID: { fault: "problem", verdict: "internal_error" },
  /** The sandbox runtime reported its own failure or threw. */
  RUNTIME_FAILED: { fault: "grader", verdict: "internal_error" },
  /** Anything unexpected in the engine. */
  INTERNAL: { fault: "grader", verdict: "internal_error" },
} as const satisfies Record<string, { fault: Fault; verdict: Verdict }>;

export type GraderErrorCode = keyof typeof GRADER_ERROR_CODES;

export class GraderError extends Error {
  readonly fault: Fault;
  constructor(readonly code: GraderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GraderError";
    this.fault = GRADER_ERROR_CODES[code].fault;
  }
}

/** The plain shape an error has after crossing a process (IPC) or isolate boundary. */
export interface SerializedError {
  name: string;
  code: string;
  message: string;
  fault: Fault;
}

export function isGraderErrorCode(code: unknown): code is GraderErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(GRADER_ERROR_CODES, code);
}

/** Any thrown value -> a serializable error; unknown errors are the grader's fault. */
export function serializeError(error: unknown): SerializedError {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | undefined;
  const code = isGraderErrorCode(e?.code) ? e.code : e?.code === "PROBLEM_PACKAGE_INVALID" ? "PROBLEM_PACKAGE_INVALID" : "INTERNAL";
  const message = typeof e?.message === "string" ? e.message : String(error);
  return { name: typeof e?.name === "string" ? e.name : "Error", code, message, fault: GRADER_ERROR_CODES[code].fault };
}
