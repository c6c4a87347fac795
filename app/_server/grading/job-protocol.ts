// What travels through Redis between the app and `npm run grader` (scripts/grader-worker.ts). Kept free of
// the database and of "server-only": the worker imports it on machines that have neither.
import type { ProblemPackage } from "../../../graders/problem-package";
import type { Report } from "../../../graders/report";

/** Job name in the grading queue; the job id is the submission id, so a submission is queued at most once. */
export const GRADE_JOB = "grade";

export function resultsQueueName(queue: string): string {
  return `${queue}-results`;
}

export interface GradeJobData {
  submissionId: string;
  /** The package as graded: only what the grader needs (see grading-package.ts). */
  pkg: ProblemPackage;
  code: string;
}

/**
 * Worker -> app, through the results queue. Each grading attempt announces itself with a fresh token;
 * the app accepts a result only from the attempt that holds the submission's current token.
 */
export type ResultMessage =
  | { type: "started"; submissionId: string; token: string; worker: string }
  | { type: "finished"; submissionId: string; token: string; report: Report };
