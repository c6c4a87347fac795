import { apiRoute } from "../../../../_server/api-route";
import { answeringAssessmentErrors } from "../../../../_server/assessments/assessment-response";
import { reissueInvite } from "../../../../_server/assessments/reissue-invite";
import { db } from "../../../../_server/db";

/** POST -> 200 { invitePath }: a new invite link while the candidate has not started; the old one stops working. */
export const POST = apiRoute<{ id: string }>("assessments:manage", async ({ request, user, params }) =>
  answeringAssessmentErrors(request, `/review/${encodeURIComponent(params.id)}`, async () => Response.json(await reissueInvite(db, user, params.id))),
);
