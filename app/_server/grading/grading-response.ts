// GradingError -> the API's { error, code } JSON, with Retry-After on 429.
import { GradingError } from "./grading-error";

export function gradingErrorResponse(e: GradingError): Response {
  const headers: Record<string, string> = {};
  if (e.extra.retryAfterSeconds !== undefined) headers["Retry-After"] = String(e.extra.retryAfterSeconds);
  const body = { error: e.message, code: e.code, ...(e.extra.fieldErrors ? { fieldErrors: e.extra.fieldErrors } : {}) };
  return Response.json(body, { status: e.status, headers });
}

/** Runs a handler body, answering GradingErrors as JSON; anything else goes on to apiRoute's 500. */
export async function answeringGradingErrors(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof GradingError) return gradingErrorResponse(e);
    throw e;
  }
}
