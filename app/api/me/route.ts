import { apiRoute } from "../../_server/api-route";
import { ROLE_PERMISSIONS } from "../../_server/permissions";

export const GET = apiRoute("signed-in", async ({ user }) => Response.json({ user, permissions: ROLE_PERMISSIONS[user.role] }));
