import { z } from "zod";
import { ApiError, apiRoute, parseBody, readBody } from "../../../../_server/api-route";
import { draftFromPackage } from "../../../../_server/admin/package-input";
import { assertPackageBodySize, draftOrThrow, savePackage } from "../../../../_server/admin/save-package";
import { getProblemForEditing, getVersionPackage } from "../../../../_server/problems/admin-problem";
import { setProblemPublished } from "../../../../_server/problems/set-published";

const bodySchema = z.object({ published: z.boolean({ error: "published must be true or false." }) });
const versionParam = z.coerce.number().int().positive().optional();
/** The editor sends the version it was opened on; without it (a script, "save anyway") the save always goes in. */
const baseVersionSchema = z.object({ baseVersion: z.number({ error: "baseVersion must be a version number." }).int().positive().optional() });

/** GET: the problem, its versions, and one version's package in the editor's form (?version=N, default current). */
export const GET = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const version = versionParam.safeParse(request.nextUrl.searchParams.get("version") ?? undefined);
  if (!version.success) throw new ApiError(400, "INVALID_INPUT", "version must be a positive whole number.");
  const problem = await getProblemForEditing(params.slug);
  const found = problem && (await getVersionPackage(params.slug, version.data));
  if (!problem || !found) throw new ApiError(404, "NOT_FOUND", `No problem "${params.slug}"${version.data ? ` version ${version.data}` : ""}.`);
  const { id: _id, ...rest } = problem;
  return Response.json({ ...rest, version: found.version, draft: draftFromPackage(found.pkg) });
});

/** PUT the whole package in the editor's form: stored as a new version, which becomes the current one. */
export const PUT = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  assertPackageBodySize(request);
  const body = await readBody(request);
  const base = baseVersionSchema.safeParse(body);
  if (!base.success) throw new ApiError(400, "INVALID_INPUT", "baseVersion must be a version number.", { baseVersion: ["Must be a version number."] });
  const pkg = draftOrThrow(body);
  if (pkg.config.slug !== params.slug) {
    throw new ApiError(400, "INVALID_PACKAGE", "The slug of a problem cannot change.", { "config.slug": [`Keep "${params.slug}": a new slug is a new problem (export, then import under the new slug).`] });
  }
  return Response.json(await savePackage(pkg, "update", base.data.baseVersion));
});

/** PATCH { published } — the JSON twin of the publish buttons on /admin/problems. */
export const PATCH = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const { published } = await parseBody(request, bodySchema);
  if (!(await setProblemPublished(params.slug, published))) throw new ApiError(404, "NOT_FOUND", `No problem "${params.slug}".`);
  return Response.json({ slug: params.slug, published });
});
