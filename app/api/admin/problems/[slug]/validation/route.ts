import { z } from "zod";
import { ApiError, apiRoute, parseBody } from "../../../../../_server/api-route";
import { runsSchema } from "../../../../../_server/admin/package-validation";
import { validateVersion, validationOf } from "../../../../../_server/admin/validation-service";
import { getVersionPackage } from "../../../../../_server/problems/admin-problem";

const versionSchema = z.coerce.number({ error: "version must be a number." }).int().positive("version must be a positive whole number.");
const startSchema = z.object({ version: versionSchema.optional(), runs: runsSchema.default(1) });

async function versionOr404(slug: string, version: number | undefined) {
  const found = await getVersionPackage(slug, version);
  if (!found) throw new ApiError(404, "NOT_FOUND", `No problem "${slug}"${version ? ` version ${version}` : ""}.`);
  return found;
}

/** GET ?version=N: the last package check of that version (default: current), or null. */
export const GET = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const raw = request.nextUrl.searchParams.get("version");
  const version = raw === null ? undefined : versionSchema.safeParse(raw);
  if (version && !version.success) throw new ApiError(400, "INVALID_INPUT", "version must be a positive whole number.");
  const found = await versionOr404(params.slug, version?.data);
  return Response.json({ version: found.version, validation: await validationOf(found.id) });
});

/**
 * POST { version?, runs? }: grade every reference and known-wrong solution of the version in the grader
 * pool. Answers 202 at once; poll GET for progress. A check already running is not started twice.
 */
export const POST = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const { version, runs } = await parseBody(request, startSchema);
  const found = await versionOr404(params.slug, version);
  const { state, started } = await validateVersion(found.id, runs);
  return Response.json({ version: found.version, started, validation: state }, { status: 202 });
});
