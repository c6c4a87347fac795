// An interviewer invites a candidate: title, published problems (each pinned at its current version, so a
// later edit of a problem does not change a running interview), a time limit and the candidate's email.
// The email may not have an account yet: the invitation waits, and whoever signs up with that email and
// opens the link becomes its candidate (see candidate-assessments.ts).
import { z } from "zod";
import { fieldErrors } from "../auth/credentials";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../grading/submission-store";
import { AssessmentError } from "./assessment-error";
import { hashInviteToken, invitePath, newInviteToken } from "./invite-token";

export const MAX_TIME_LIMIT_MINUTES = 600;
const MAX_PROBLEMS = 10;

export const createAssessmentSchema = z.object({
  title: z.string({ error: "Give the assessment a title." }).trim().min(1, "Give the assessment a title.").max(120, "Use at most 120 characters for the title."),
  problems: z
    .array(z.string().trim().min(1).max(100), { error: "Pick at least one problem." })
    .min(1, "Pick at least one problem.")
    .max(MAX_PROBLEMS, `Pick at most ${MAX_PROBLEMS} problems.`)
    .refine((slugs) => new Set(slugs).size === slugs.length, "Each problem can be picked once."),
  timeLimitMinutes: z.coerce
    .number({ error: "Enter the time limit in minutes." })
    .int("Enter a whole number of minutes.")
    .min(1, "The time limit is at least 1 minute.")
    .max(MAX_TIME_LIMIT_MINUTES, `The time limit is at most ${MAX_TIME_LIMIT_MINUTES} minutes.`),
  candidateEmail: z
    .string({ error: "Enter the candidate's email address." })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
});
export type CreateAssessmentInput = z.input<typeof createAssessmentSchema>;

export interface CreatedAssessment {
  id: string;
  /** Path of the invite link; the token in it is not stored and cannot be shown again. */
  invitePath: string;
  /** False when nobody has signed up with the email yet. */
  candidateHasAccount: boolean;
}

export async function createAssessment(db: Db, interviewer: SessionUser, input: unknown): Promise<CreatedAssessment> {
  const parsed = createAssessmentSchema.safeParse(input);
  if (!parsed.success) throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors(parsed.error));
  const { title, problems: slugs, timeLimitMinutes, candidateEmail } = parsed.data;

  const candidate = await db.user.findFirst({ where: { email: candidateEmail }, select: { id: true, role: true, disabled: true } });
  if (candidate && (candidate.role !== "candidate" || candidate.disabled)) {
    const why = candidate.disabled ? "This account is disabled." : `This email belongs to an ${candidate.role} account, not a candidate.`;
    throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", { candidateEmail: [why] });
  }

  const found = await db.problem.findMany({ where: { slug: { in: slugs }, published: true }, select: { id: true, slug: true, currentVersion: true } });
  const missing = slugs.filter((s) => !found.some((p) => p.slug === s));
  if (missing.length > 0) {
    throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", { problems: [`Not a published problem: ${missing.join(", ")}.`] });
  }
  const versions = await db.problemVersion.findMany({
    where: { OR: found.map((p) => ({ problemId: p.id, version: p.currentVersion })) },
    select: { id: true, problemId: true },
  });

  const token = newInviteToken();
  const created = await db.assessment.create({
    data: {
      title,
      timeLimitMinutes,
      candidateEmail,
      candidateId: candidate?.id ?? null,
      interviewerId: interviewer.id,
      inviteTokenHash: hashInviteToken(token),
      problems: {
        create: slugs.map((slug, position) => {
          const problem = found.find((p) => p.slug === slug)!;
          const version = versions.find((v) => v.problemId === problem.id);
          if (!version) throw new AssessmentError(409, "PROBLEM_NOT_GRADABLE", `Problem "${slug}" has no gradable version.`);
          return { problemId: problem.id, problemVersionId: version.id, position };
        }),
      },
    },
    select: { id: true },
  });
  return { id: created.id, invitePath: invitePath(token), candidateHasAccount: candidate !== null };
}
