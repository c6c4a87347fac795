import { apiRoute } from "../../../_server/api-route";
import { answeringAssessmentErrors } from "../../../_server/assessments/assessment-response";
import { viewOwnAssessment } from "../../../_server/assessments/candidate-assessments";
import { db } from "../../../_server/db";

/** GET -> the candidate's own view of their assessment (never the review). Not theirs: 404. */
export const GET = apiRoute<{ id: string }>("signed-in", async ({ request, user, params }) =>
  answeringAssessmentErrors(request, "/assessments", async () => Response.json(await viewOwnAssessment(db, user, params.id))),
);
