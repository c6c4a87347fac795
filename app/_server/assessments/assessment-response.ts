// How assessment route handlers answer: JSON clients get { error, code } with the status; a plain HTML
// form post (no JavaScript) gets a 303 back to the page it came from, with ?error=<code> on failure.
import "server-only";
import type { NextRequest } from "next/server";
import { errorResponse, isFormPost } from "../api-route";
import { seeOther as seeOtherPath } from "../see-other";
import { AssessmentError } from "./assessment-error";

export async function answeringAssessmentErrors(request: NextRequest, backTo: string, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    if (isFormPost(request)) return seeOther(request, backTo, { error: e.code });
    return errorResponse(e.status, e.code, e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
  }
}

export function seeOther(_request: NextRequest, path: string, query: Record<string, string> = {}): Response {
  return seeOtherPath(path, query);
}
