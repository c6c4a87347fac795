// Passes the requested path to server components (they cannot read the URL) so that a redirect to
// sign-in can come back to it. No access decisions here: those live in app/_server/guards.ts.
import { NextResponse, type NextRequest } from "next/server";

export const REQUEST_PATH_HEADER = "x-request-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Overwritten, never trusted from the client.
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, not Next's own assets.
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
