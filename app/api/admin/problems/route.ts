import { apiRoute, readBody } from "../../../_server/api-route";
import { assertPackageBodySize, draftOrThrow, savePackage } from "../../../_server/admin/save-package";
import { listProblemsForAdmin } from "../../../_server/queries/problems";

export const GET = apiRoute("problems:manage", async () => Response.json({ problems: await listProblemsForAdmin() }));

/** POST a package in the editor's form (app/_server/admin/package-input.ts): a new, unpublished problem at version 1. */
export const POST = apiRoute("problems:manage", async ({ request }) => {
  assertPackageBodySize(request);
  const pkg = draftOrThrow(await readBody(request));
  const saved = await savePackage(pkg, "create");
  return Response.json(saved, { status: 201, headers: { location: `/api/admin/problems/${saved.slug}` } });
});
