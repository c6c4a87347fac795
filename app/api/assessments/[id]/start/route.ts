import { apiRoute, isFormPost } from "../../../../_server/api-route";
import { answeringAssessmentErrors, seeOther } from "../../../../_server/assessments/assessment-response";
import { startAssessment, viewOwnAssessment } from "../../../../_server/assessments/candidate-assessments";
import { db } from "../../../../_server/db";

/** POST -> starts the clock (deadline = now + time limit); again: no change. JSON: the view; form: back to the page. */
export const POST = apiRoute<{ id: string }>("submissions:create", async ({ request, user, params }) => {
  const page = `/assessments/${encodeURIComponent(params.id)}`;
  return answeringAssessmentErrors(request, page, async () => {
    await startAssessment(db, user, params.id);
    return isFormPost(request) ? seeOther(request, page) : Response.json(await viewOwnAssessment(db, user, params.id));
  });
});
