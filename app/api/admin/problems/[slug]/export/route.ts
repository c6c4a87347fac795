import { z } from "zod";
import { ApiError, apiRoute } from "../../../../../_server/api-route";
import { packageToBundle } from "../../../../../_server/admin/package-bundle";
import { getVersionPackage } from "../../../../../_server/problems/admin-problem";

const versionSchema = z.coerce.number().int().positive();

/** GET ?version=N: that version's package files as a JSON bundle (app/_server/admin/package-bundle.ts), as a download. */
export const GET = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const raw = request.nextUrl.searchParams.get("version");
  const version = raw === null ? undefined : versionSchema.safeParse(raw);
  if (version && !version.success) throw new ApiError(400, "INVALID_INPUT", "version must be a positive whole number.");
  const found = await getVersionPackage(params.slug, version?.data);
  if (!found) throw new ApiError(404, "NOT_FOUND", `No problem "${params.slug}"${version?.data ? ` version ${version.data}` : ""}.`);
  return new Response(`${JSON.stringify(packageToBundle(found.pkg), null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-v${found.version}.json"`,
    },
  });
});
