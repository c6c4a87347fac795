import { apiRoute, readBody } from "../../_server/api-route";
import { answeringAssessmentErrors } from "../../_server/assessments/assessment-response";
import { createAssessment } from "../../_server/assessments/create-assessment";
import { listAssessmentsFor } from "../../_server/assessments/assessment-review";
import { db } from "../../_server/db";

/** GET -> { assessments }: the interviewer's own (an admin's: all), every status. */
export const GET = apiRoute("assessments:manage", async ({ user }) => Response.json({ assessments: await listAssessmentsFor(db, user) }));

/** POST { title, problems: slug[], timeLimitMinutes, candidateEmail } -> 201 { id, invitePath, candidateHasAccount }. */
export const POST = apiRoute("assessments:manage", async ({ request, user }) =>
  answeringAssessmentErrors(request, "/interviews/new", async () => {
    const created = await createAssessment(db, user, await readBody(request));
    return Response.json(created, { status: 201, headers: { Location: `/review/${created.id}` } });
  }),
);
