import { apiRoute } from "../../../_server/api-route";
import { listUsers } from "../../../_server/queries/users";

export const GET = apiRoute("users:manage", async () => Response.json({ users: await listUsers() }));
