import { z } from "zod";
import { ApiError, apiRoute, parseBody } from "../../../../_server/api-route";
import { setProblemPublished } from "../../../../_server/problems/set-published";

const bodySchema = z.object({ published: z.boolean({ error: "published must be true or false." }) });

/** PATCH { published } — the JSON twin of the publish buttons on /admin/problems. */
export const PATCH = apiRoute<{ slug: string }>("problems:manage", async ({ request, params }) => {
  const { published } = await parseBody(request, bodySchema);
  if (!(await setProblemPublished(params.slug, published))) throw new ApiError(404, "NOT_FOUND", `No problem "${params.slug}".`);
  return Response.json({ slug: params.slug, published });
});
