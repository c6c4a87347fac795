import { apiRoute, parseBody } from "../../../_server/api-route";
import { bundleSchema } from "../../../_server/admin/package-bundle";
import { assertPackageBodySize, bundleOrThrow, savePackage } from "../../../_server/admin/save-package";

/**
 * POST a bundle as exported by GET /api/admin/problems/:slug/export ({ files: { "problem.json": ... } }).
 * A new slug creates an unpublished problem (201); an existing one gets a new version (200, or "unchanged").
 */
export const POST = apiRoute("problems:manage", async ({ request }) => {
  assertPackageBodySize(request);
  const { files } = await parseBody(request, bundleSchema);
  const saved = await savePackage(bundleOrThrow(files), "upsert");
  return Response.json(saved, { status: saved.status === "created" ? 201 : 200 });
});
