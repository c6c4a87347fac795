import { apiRoute, errorResponse, isFormPost, readBody } from "../../../_server/api-route";
import { authenticate } from "../../../_server/auth/accounts";
import { formErrorRedirect, signedInResponse } from "../../../_server/auth/sign-in-response";

export const POST = apiRoute("public", async ({ request }) => {
  const body = (await readBody(request)) as Record<string, unknown> | null;
  const result = await authenticate(body);
  if (result.ok) return signedInResponse(request, result.user, body?.next);
  if (isFormPost(request)) return formErrorRedirect(request, "/signin", result.status === 400 ? "input" : "credentials", body?.next);
  return errorResponse(result.status, result.status === 400 ? "INVALID_INPUT" : "WRONG_CREDENTIALS", result.error, { fieldErrors: result.fieldErrors });
});
