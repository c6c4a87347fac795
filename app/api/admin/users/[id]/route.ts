import { ApiError, apiRoute, parseBody } from "../../../../_server/api-route";
import { changeUser, userChangeSchema } from "../../../../_server/admin/user-admin";

/** PATCH { role?, disabled? }. An admin cannot disable or demote themselves (409). */
export const PATCH = apiRoute<{ id: string }>("users:manage", async ({ request, params, user }) => {
  const change = await parseBody(request, userChangeSchema);
  const outcome = await changeUser(user.id, params.id, change);
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.code, outcome.error);
  return Response.json({ user: outcome.user });
});
