// The editor's type declarations (app/_editor/editor-types.ts) as one JSON map. They change only with a
// new build (typescript or graders/ changes), so the browser keeps its copy and revalidates it by ETag:
// an unchanged map costs a 304, a new build is never served stale.
import { apiRoute } from "../../_server/api-route";
import { editorTypes } from "../../_editor/editor-types";

export const dynamic = "force-dynamic";

export const GET = apiRoute("problems:read", async ({ request }) => {
  const { files, etag } = editorTypes();
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json({ files }, { headers });
});
