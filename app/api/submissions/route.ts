import { z } from "zod";
import { apiRoute } from "../../_server/api-route";
import { readSubmissionJson } from "../../_server/grading/capped-body";
import { GradingError } from "../../_server/grading/grading-error";
import { answeringGradingErrors } from "../../_server/grading/grading-response";
import { gradingSettings, submitForGrading } from "../../_server/grading/grading-service";

const bodySchema = z.object({
  problem: z.string({ error: "Name the problem (its slug)." }),
  code: z.string({ error: "Send the code as a string." }),
  kind: z.enum(["run", "submit"], { error: 'kind is "run" or "submit".' }).optional(),
  assessment: z.string({ error: "Name the assessment by its id." }).min(1).max(100).optional(),
});

/** POST { problem, code, kind?, assessment? } -> 201 { id }. Idempotency-Key: the same key again returns the same id (200). */
export const POST = apiRoute("submissions:create", async ({ request, user }) =>
  answeringGradingErrors(async () => {
    const parsed = bodySchema.safeParse(await readSubmissionJson(request, gradingSettings().GRADING_MAX_CODE_BYTES));
    if (!parsed.success) {
      throw new GradingError("INVALID_SUBMISSION", "The submission is not valid.", { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
    }
    const { id, created } = await submitForGrading({
      userId: user.id,
      problemSlug: parsed.data.problem,
      code: parsed.data.code,
      kind: parsed.data.kind,
      assessmentId: parsed.data.assessment,
      idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    });
    return Response.json({ id }, { status: created ? 201 : 200, headers: { Location: `/api/submissions/${id}` } });
  }),
);
