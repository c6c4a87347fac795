import { apiRoute, isFormPost, readBody } from "../../../_server/api-route";
import { answeringAssessmentErrors, seeOther } from "../../../_server/assessments/assessment-response";
import { saveReview, viewForReview } from "../../../_server/assessments/assessment-review";
import { db } from "../../../_server/db";

type Params = { assessmentId: string };

/** GET -> the assessment with each problem's last submission (whole report) and the review. Reviewers only. */
export const GET = apiRoute<Params>("reviews:read", async ({ request, user, params }) =>
  answeringAssessmentErrors(request, "/review", async () => Response.json(await viewForReview(db, user, params.assessmentId))),
);

/** The form's fields (notes, decision, score:<slug>) as the JSON body { notes, decision, scores }. */
function fromForm(body: Record<string, unknown>) {
  const scores: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (k.startsWith("score:") && v !== "") scores[k.slice("score:".length)] = v;
  return { notes: body.notes, decision: body.decision, scores };
}

/** POST { notes, scores: { <slug>: 1..5 }, decision: "pending" | "advance" | "reject" } -> 200 { ok }. */
export const POST = apiRoute<Params>("reviews:write", async ({ request, user, params }) => {
  const page = `/review/${encodeURIComponent(params.assessmentId)}`;
  return answeringAssessmentErrors(request, page, async () => {
    const body = (await readBody(request)) as Record<string, unknown> | null;
    const form = isFormPost(request);
    await saveReview(db, user, params.assessmentId, form && body ? fromForm(body) : body);
    return form ? seeOther(request, page, { saved: "1" }) : Response.json({ ok: true });
  });
});
