// The one interface the app talks to, whichever way grading is spread: the embedded dispatcher (default,
// nothing to install: the app's own grader pool, fed from the database) or BullMQ on Redis (REDIS_URL set:
// grader workers on any number of machines). Either way the submission is stored first; enqueue() is a
// hint that work is waiting, and losing it loses nothing (the database is re-read on start and periodically).
import type { ProblemPackage } from "../../../graders/problem-package";
import type { Report } from "../../../graders/report";

export interface Dispatcher {
  readonly mode: "embedded" | "bullmq";
  /** Picks up what is already waiting (queued, interrupted, lost) and starts feeding graders. */
  start(): Promise<void>;
  /** A stored, queued submission is ready to be graded. */
  enqueue(submissionId: string): Promise<void>;
  /** Stops taking work. In-flight work is abandoned, not lost: its lease or job is picked up again later. */
  close(): Promise<void>;
}

/** What grades: graders' grade(), a GraderPool, or anything with the same signature. */
export interface Grader {
  grade(pkg: ProblemPackage, source: string): Promise<Report>;
}

/** What happened to a result, for logs and tests. */
export type DispatchEvent =
  | { type: "claimed"; submissionId: string; attempt: number }
  | { type: "result"; submissionId: string; verdict: string; accepted: boolean }
  | { type: "requeued"; submissionId: string; reason: string }
  | { type: "failed"; submissionId: string; reason: string };

export type DispatchObserver = (event: DispatchEvent) => void;
