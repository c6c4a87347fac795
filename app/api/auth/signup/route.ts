import { apiRoute, errorResponse, isFormPost, readBody } from "../../../_server/api-route";
import { registerCandidate } from "../../../_server/auth/accounts";
import { formErrorRedirect, signedInResponse } from "../../../_server/auth/sign-in-response";

/** Sign-up always creates a candidate; other roles are given by an admin. Like sign-in, it follows a same-site `next`. */
export const POST = apiRoute("public", async ({ request }) => {
  const body = (await readBody(request)) as Record<string, unknown> | null;
  const result = await registerCandidate(body);
  if (result.ok) return signedInResponse(request, result.user, body?.next, 201);
  if (isFormPost(request)) return formErrorRedirect(request, "/signup", result.status === 409 ? "exists" : "input", body?.next);
  return errorResponse(result.status, result.status === 409 ? "EMAIL_TAKEN" : "INVALID_INPUT", result.error, { fieldErrors: result.fieldErrors });
});
