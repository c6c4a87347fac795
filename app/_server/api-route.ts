// Every route handler under app/api/ is declared through apiRoute(access, handler): the access it needs
// sits beside the handler, and every failure leaves as { error, code } JSON with the right status,
// never a stack trace. Anonymous -> 401, signed in without the permission -> 403.
import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "./auth/credentials";
import { SESSION_COOKIE } from "./auth/session-cookie";
import type { SessionUser } from "./auth/session-user";
import { resolveSession } from "./auth/sessions";
import { resolveApiToken } from "./auth/api-tokens";
import { can, type Permission } from "./permissions";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(status: number, code: string, error: string, extra?: { fieldErrors?: FieldErrors }): Response {
  return Response.json({ error, code, ...extra }, { status });
}

type Params = Record<string, string | string[] | undefined>;
interface PublicContext<P> {
  request: NextRequest;
  params: P;
}
interface UserContext<P> extends PublicContext<P> {
  user: SessionUser;
}

/** "public": anyone; "signed-in": any user; a Permission: users whose role has it. */
export type Access = "public" | "signed-in" | Permission;

export async function requestUser(request: NextRequest): Promise<SessionUser | null> {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return resolveApiToken(bearer);
  return resolveSession(request.cookies.get(SESSION_COOKIE)?.value);
}

/** Browsers send Origin on cross-site writes; a different host means another site is posting. */
function crossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false; // not a browser (curl, scripts): cookies are not ambient there
  if (origin === "null") return true; // an opaque origin (sandboxed frame, file:) is never us
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function apiRoute<P extends Params = Params>(access: "public", handler: (ctx: PublicContext<P>) => Promise<Response>): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
export function apiRoute<P extends Params = Params>(access: Exclude<Access, "public">, handler: (ctx: UserContext<P>) => Promise<Response>): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
export function apiRoute<P extends Params>(access: Access, handler: (ctx: UserContext<P>) => Promise<Response>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && crossOrigin(request)) {
        return errorResponse(403, "CROSS_ORIGIN", "Cross-site request refused.");
      }
      const params = (await context.params) ?? ({} as P);
      if (access === "public") return await handler({ request, params, user: undefined as never });
      const user = await requestUser(request);
      if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in first.");
      if (access !== "signed-in" && !can(user.role, access)) return errorResponse(403, "FORBIDDEN", "Your role does not allow this.");
      return await handler({ request, params, user });
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e.status, e.code, e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
      console.error(`${request.method} ${request.nextUrl.pathname} failed:`, e);
      return errorResponse(500, "INTERNAL", "Something went wrong on our side. Please try again.");
    }
  };
}

/** True for HTML form posts (no JavaScript): they get redirects instead of JSON. */
export function isFormPost(request: NextRequest): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
}

/** The body as a plain object, from JSON or a form. */
export async function readBody(request: NextRequest): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    try {
      return await request.json();
    } catch {
      throw new ApiError(400, "BAD_JSON", "The request body is not valid JSON.");
    }
  }
  if (isFormPost(request)) {
    const form = await request.formData();
    return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  }
  throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json) or a form.");
}

/** Body validated by a zod schema; every issue comes back in fieldErrors. */
export async function parseBody<S extends z.ZodType>(request: NextRequest, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readBody(request));
  if (!parsed.success) throw new ApiError(400, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors(parsed.error));
  return parsed.data;
}
