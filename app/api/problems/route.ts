import { apiRoute } from "../../_server/api-route";
import { listPublishedProblems } from "../../_server/queries/problems";

export const GET = apiRoute("problems:read", async () => Response.json({ problems: await listPublishedProblems() }));
