// Failures of the assessment workflow that reach a user: a stable code, its HTTP status and a message
// written to be shown as is. Route handlers turn them into the API's { error, code } JSON.
import type { FieldErrors } from "../auth/credentials";

export class AssessmentError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AssessmentError";
  }
}

/** Same answer for "does not exist" and "not yours", so ids and tokens cannot be probed. */
export function assessmentNotFound(): AssessmentError {
  return new AssessmentError(404, "ASSESSMENT_NOT_FOUND", "No such assessment.");
}
