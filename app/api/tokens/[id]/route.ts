import { ApiError, apiRoute } from "../../../_server/api-route";
import { revokeApiToken } from "../../../_server/auth/api-tokens";

/** DELETE: revokes one of the signed-in user's own tokens (another user's token id is "not found"). */
export const DELETE = apiRoute<{ id: string }>("signed-in", async ({ params, user }) => {
  if (!(await revokeApiToken(user.id, params.id))) throw new ApiError(404, "NOT_FOUND", "No such token.");
  return Response.json({ id: params.id, revoked: true });
});
