// The 303 a plain HTML form post (no JavaScript) gets back. The Location is relative on purpose: behind
// `next start`, request.url names the server's own host (localhost), not the one the browser used
// (127.0.0.1, a proxy's name), and the browser's session cookie would not follow it there.
import { NextResponse } from "next/server";

export function seeOther(path: string, query: Record<string, string> = {}): NextResponse {
  const search = new URLSearchParams(query).toString();
  return new NextResponse(null, { status: 303, headers: { Location: search ? `${path}?${search}` : path } });
}
