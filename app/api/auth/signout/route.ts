import { NextResponse } from "next/server";
import { apiRoute, isFormPost } from "../../../_server/api-route";
import { seeOther } from "../../../_server/see-other";
import { clearedSessionCookie, isHttps, SESSION_COOKIE } from "../../../_server/auth/session-cookie";
import { revokeSession } from "../../../_server/auth/sessions";

/** Deletes the session row (the cookie alone is not trusted to be gone) and clears the cookie. */
export const POST = apiRoute("public", async ({ request }) => {
  await revokeSession(request.cookies.get(SESSION_COOKIE)?.value);
  const response = isFormPost(request) ? seeOther("/signin") : NextResponse.json({ ok: true });
  response.cookies.set(clearedSessionCookie(isHttps(request)));
  return response;
});
