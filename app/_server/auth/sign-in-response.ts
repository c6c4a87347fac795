// What a successful sign-in or sign-up answers: the session cookie plus where to go next
// (JSON for the app's forms, a 303 redirect for a form posted without JavaScript).
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { isFormPost } from "../api-route";
import { isLocalPath } from "../local-path";
import { seeOther } from "../see-other";
import { ROLE_HOME } from "../permissions";
import { isHttps, sessionCookie } from "./session-cookie";
import type { SessionUser } from "./session-user";
import { createSession } from "./sessions";

export function landingPath(user: SessionUser, next: unknown): string {
  return typeof next === "string" && isLocalPath(next) ? next : ROLE_HOME[user.role];
}

export async function signedInResponse(request: NextRequest, user: SessionUser, next: unknown, status = 200): Promise<NextResponse> {
  const { token, expiresAt } = await createSession(user.id);
  const home = landingPath(user, next);
  const response = isFormPost(request) ? seeOther(home) : NextResponse.json({ user, home }, { status });
  response.cookies.set(sessionCookie(token, expiresAt, isHttps(request)));
  return response;
}

/**
 * A form posted without JavaScript comes back to its page with an error code the page explains, and
 * with its `next` (a same-site path only), so a second try still lands where the first one was going.
 */
export function formErrorRedirect(_request: NextRequest, page: "/signin" | "/signup", code: string, next?: unknown): NextResponse {
  return seeOther(page, typeof next === "string" && isLocalPath(next) ? { error: code, next } : { error: code });
}
