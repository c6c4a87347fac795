import { z } from "zod";
import { apiRoute, parseBody } from "../../_server/api-route";
import { createApiToken, listApiTokens } from "../../_server/auth/api-tokens";

const MAX_ACTIVE_TOKENS = 20;
const bodySchema = z.object({ name: z.string({ error: "Name the token." }).trim().min(1, "Name the token (e.g. the script or machine that uses it).").max(80, "Use at most 80 characters.") });

/** GET: the signed-in user's own tokens (names and dates, never the secret). */
export const GET = apiRoute("signed-in", async ({ user }) => Response.json({ tokens: await listApiTokens(user.id) }));

/** POST { name }: a new personal token; the secret is in this answer only. */
export const POST = apiRoute("signed-in", async ({ request, user }) => {
  const { name } = await parseBody(request, bodySchema);
  const active = (await listApiTokens(user.id)).filter((t) => !t.revokedAt).length;
  if (active >= MAX_ACTIVE_TOKENS) {
    return Response.json({ error: `You have ${active} active tokens; revoke one first.`, code: "TOO_MANY_TOKENS" }, { status: 409 });
  }
  const token = await createApiToken(user.id, name);
  return Response.json({ token, name }, { status: 201 });
});
