import { apiRoute } from "../../../_server/api-route";
import { listReviewQueue } from "../../../_server/queries/review-queue";

export const GET = apiRoute("reviews:read", async ({ user }) => Response.json({ assessments: await listReviewQueue(user) }));
