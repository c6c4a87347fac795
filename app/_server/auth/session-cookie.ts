// The session cookie's name and attributes in one place.

export const SESSION_COOKIE = "cd_session";

export interface SessionCookie {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires?: Date;
  maxAge?: number;
}

/** Secure only over https, so the cookie also works on http://localhost. */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

export function sessionCookie(token: string, expires: Date, secure: boolean): SessionCookie {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "lax", secure, path: "/", expires };
}

export function clearedSessionCookie(secure: boolean): SessionCookie {
  return { name: SESSION_COOKIE, value: "", httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 };
}
