import { apiRoute } from "../../../_server/api-route";
import { db } from "../../../_server/db";
import { answeringGradingErrors } from "../../../_server/grading/grading-response";
import { startGrading } from "../../../_server/grading/grading-service";
import { viewSubmission } from "../../../_server/grading/submission-view";

/** GET -> status, verdict, score, report: for the owner, interviewers and admins; 404 for anyone else. */
export const GET = apiRoute<{ id: string }>("signed-in", async ({ params, user }) =>
  answeringGradingErrors(async () => {
    // Clients poll here after a restart: make sure the dispatcher is picking up what was left waiting.
    void startGrading().catch(() => {});
    return Response.json(await viewSubmission(db, user, params.id), { headers: { "Cache-Control": "no-store" } });
  }),
);
