// Errors of the grading pipeline that reach a client: a stable code, the HTTP status it maps to, and for
// 429 how long to wait. Route handlers turn them into { error, code } JSON.
export type GradingErrorCode =
  | "INVALID_SUBMISSION"
  | "CODE_TOO_LARGE"
  | "TOO_MANY_ACTIVE_SUBMISSIONS"
  | "PROBLEM_NOT_FOUND"
  | "SUBMISSION_NOT_FOUND"
  | "USER_NOT_FOUND"
  // Submissions inside an assessment (app/_server/assessments/assessment-submission.ts).
  | "ASSESSMENT_NOT_FOUND"
  | "PROBLEM_NOT_IN_ASSESSMENT"
  | "assessment_not_started"
  | "assessment_deadline_passed"
  | "assessment_handed_in";

const STATUS: Record<GradingErrorCode, number> = {
  INVALID_SUBMISSION: 400,
  CODE_TOO_LARGE: 413,
  TOO_MANY_ACTIVE_SUBMISSIONS: 429,
  PROBLEM_NOT_FOUND: 404,
  SUBMISSION_NOT_FOUND: 404,
  USER_NOT_FOUND: 401,
  ASSESSMENT_NOT_FOUND: 404,
  PROBLEM_NOT_IN_ASSESSMENT: 404,
  assessment_not_started: 409,
  assessment_deadline_passed: 403,
  assessment_handed_in: 409,
};

export class GradingError extends Error {
  readonly status: number;

  constructor(
    readonly code: GradingErrorCode,
    message: string,
    readonly extra: { retryAfterSeconds?: number; fieldErrors?: Record<string, string[]> } = {},
  ) {
    super(message);
    this.name = "GradingError";
    this.status = STATUS[code];
  }
}
