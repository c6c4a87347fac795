import { apiRoute } from "../../_server/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute("public", async () => Response.json({ ok: true }));
