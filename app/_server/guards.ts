// Server-side access checks for pages, layouts and server actions. Route handlers use api-route.ts,
// which applies the same table but answers 401/403 JSON instead of redirecting.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../../generated/prisma/enums";
import { SESSION_COOKIE } from "./auth/session-cookie";
import type { SessionUser } from "./auth/session-user";
import { resolveSession } from "./auth/sessions";
import { can, type Permission } from "./permissions";
import { isLocalPath } from "./local-path";

/** The signed-in user, looked up once per request however many components ask. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return resolveSession(jar.get(SESSION_COOKIE)?.value);
});

/** Sign-in URL that comes back to the requested page (proxy.ts passes its path). */
async function signInUrl(): Promise<string> {
  const path = (await headers()).get("x-request-path");
  return path && isLocalPath(path) ? `/signin?next=${encodeURIComponent(path)}` : "/signin";
}

/** Anonymous: redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(await signInUrl());
  return user;
}

/** Anonymous: redirect to sign-in; signed in without the permission: 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For the rare check that really is about the role, not a permission. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
