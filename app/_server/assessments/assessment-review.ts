// The interviewer's side once an assessment is handed in: per problem the candidate's last submission
// (code and whole report), and the Review: notes, a 1..5 score per problem (rubric JSON, keyed by problem
// slug) and the decision. Only the assessment's interviewer, or an admin, reads or writes it.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client";
import { fieldErrors } from "../auth/credentials";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../grading/submission-store";
import { can } from "../permissions";
import { clockState, settleExpired } from "./assessment-clock";
import { AssessmentError, assessmentNotFound } from "./assessment-error";

export const DECISIONS = ["pending", "advance", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Assessments this viewer may review: their own; admins, all. */
export function reviewableBy(viewer: SessionUser): Prisma.AssessmentWhereInput {
  return viewer.role === "admin" ? {} : { interviewerId: viewer.id };
}

function mayReview(viewer: SessionUser): boolean {
  return can(viewer.role, "reviews:read");
}

export interface Rubric {
  /** Problem slug -> score 1..5. */
  scores: Record<string, number>;
}

function readRubric(value: unknown): Rubric {
  const scores = (value as { scores?: unknown } | null)?.scores;
  if (!scores || typeof scores !== "object") return { scores: {} };
  return { scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => typeof v === "number")) as Record<string, number> };
}

export async function viewForReview(db: Db, viewer: SessionUser, id: string, now: Date = new Date()) {
  if (!mayReview(viewer)) throw assessmentNotFound();
  await settleExpired(db, { id }, now);
  const a = await db.assessment.findFirst({
    where: { AND: [{ id }, reviewableBy(viewer)] },
    select: {
      id: true, title: true, status: true, timeLimitMinutes: true, startedAt: true, deadline: true, submittedAt: true, createdAt: true,
      candidateEmail: true, candidate: { select: { id: true, name: true, email: true } },
      interviewer: { select: { name: true, email: true } },
      problems: {
        orderBy: { position: "asc" },
        select: { problemId: true, position: true, problem: { select: { slug: true, title: true } }, problemVersion: { select: { version: true } } },
      },
      review: { select: { notes: true, rubric: true, rubricScore: true, decision: true, updatedAt: true, reviewer: { select: { name: true } } } },
    },
  });
  if (!a) throw assessmentNotFound();
  // The last graded-for-real attempt per problem: Submit, not Run (a run only sees the sample tests).
  const submissions = a.candidate
    ? await db.submission.findMany({
        where: { assessmentId: a.id, userId: a.candidate.id, kind: "submit" },
        orderBy: { createdAt: "desc" },
        select: { id: true, problemId: true, status: true, verdict: true, score: true, code: true, report: true, createdAt: true },
      })
    : [];
  return {
    ...a,
    state: clockState(a, now),
    review: a.review ? { ...a.review, rubric: readRubric(a.review.rubric) } : null,
    problems: a.problems.map((p) => ({
      ...p,
      submissionCount: submissions.filter((s) => s.problemId === p.problemId).length,
      lastSubmission: submissions.find((s) => s.problemId === p.problemId) ?? null,
    })),
  };
}
export type ReviewView = Awaited<ReturnType<typeof viewForReview>>;

const score = z.coerce.number({ error: "Score each problem from 1 to 5." }).int("Score each problem from 1 to 5.").min(1, "Score each problem from 1 to 5.").max(5, "Score each problem from 1 to 5.");

export const reviewSchema = z.object({
  notes: z.string({ error: "Notes are text." }).max(20_000, "Keep the notes under 20,000 characters.").default(""),
  scores: z.record(z.string(), score, { error: "Score each problem from 1 to 5." }).default({}),
  decision: z.enum(DECISIONS, { error: "Choose advance, reject, or undecided." }),
});
export type ReviewInput = z.input<typeof reviewSchema>;

/** Stores the review. A decision (advance/reject) moves the assessment to "reviewed"; undecided keeps it in the queue. */
export async function saveReview(db: Db, viewer: SessionUser, id: string, input: unknown, now: Date = new Date()): Promise<void> {
  if (!can(viewer.role, "reviews:write")) throw assessmentNotFound();
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors(parsed.error));
  const { notes, scores, decision } = parsed.data;

  await settleExpired(db, { id }, now);
  const a = await db.assessment.findFirst({
    where: { AND: [{ id }, reviewableBy(viewer)] },
    select: { id: true, status: true, problems: { select: { problem: { select: { slug: true } } } } },
  });
  if (!a) throw assessmentNotFound();
  if (a.status === "invited" || a.status === "in_progress") {
    throw new AssessmentError(409, "ASSESSMENT_NOT_HANDED_IN", "The candidate has not handed this assessment in yet.");
  }
  const slugs = new Set(a.problems.map((p) => p.problem.slug));
  const unknown = Object.keys(scores).filter((s) => !slugs.has(s));
  if (unknown.length > 0) throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", { scores: [`Not a problem of this assessment: ${unknown.join(", ")}.`] });
  if (decision !== "pending" && Object.keys(scores).length < slugs.size) {
    throw new AssessmentError(400, "INVALID_INPUT", "Please correct the highlighted fields.", { scores: ["Score every problem before deciding."] });
  }

  const values = Object.values(scores);
  const rubricScore = values.length > 0 ? Math.round(values.reduce((x, y) => x + y, 0) / values.length) : null;
  const data = { reviewerId: viewer.id, notes, rubric: { scores } satisfies Rubric, rubricScore, decision };
  await db.$transaction([
    db.review.upsert({ where: { assessmentId: a.id }, create: { assessmentId: a.id, ...data }, update: data }),
    db.assessment.update({ where: { id: a.id }, data: { status: decision === "pending" ? "submitted" : "reviewed" } }),
  ]);
}

/** The interviewer's assessments, every status, newest first. */
export async function listAssessmentsFor(db: Db, viewer: SessionUser, now: Date = new Date()) {
  if (!mayReview(viewer)) return [];
  await settleExpired(db, reviewableBy(viewer), now);
  const rows = await db.assessment.findMany({
    where: reviewableBy(viewer),
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true, title: true, status: true, timeLimitMinutes: true, deadline: true, submittedAt: true, createdAt: true, candidateEmail: true,
      candidate: { select: { name: true, email: true } }, review: { select: { decision: true } }, _count: { select: { problems: true } },
    },
  });
  return rows.map((a) => ({ ...a, state: clockState(a, now) }));
}
