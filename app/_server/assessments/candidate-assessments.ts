// The candidate's side of an assessment: opening the invite link, Start, Finish, and what the candidate
// may read. Every lookup is scoped to the candidate in its WHERE clause; anyone else finds nothing (404).
// The candidate view never selects the review, the interviewer's notes, rubric or decision.
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../grading/submission-store";
import { clockState, deadlineFor, settleExpired, type ClockState } from "./assessment-clock";
import { AssessmentError, assessmentNotFound } from "./assessment-error";
import { hashInviteToken, isWellFormedInviteToken } from "./invite-token";

/**
 * The assessment the invite token opens, for this user: its candidate, or (while no account was linked)
 * the user whose email it was sent to, who becomes its candidate now. Anyone else: 404.
 */
export async function openInvite(db: Db, user: SessionUser, token: string): Promise<{ id: string }> {
  if (!isWellFormedInviteToken(token)) throw assessmentNotFound();
  const a = await db.assessment.findFirst({
    where: { inviteTokenHash: hashInviteToken(token) },
    select: { id: true, candidateId: true, candidateEmail: true },
  });
  if (!a) throw assessmentNotFound();
  if (a.candidateId === user.id) return { id: a.id };
  if (a.candidateId !== null || user.role !== "candidate" || a.candidateEmail !== user.email.toLowerCase()) throw assessmentNotFound();
  // Compare-and-set: of two accounts racing for one invitation, only one is linked.
  const { count } = await db.assessment.updateMany({ where: { id: a.id, candidateId: null }, data: { candidateId: user.id } });
  if (count === 0) throw assessmentNotFound();
  return { id: a.id };
}

export interface CandidateProblem {
  slug: string;
  title: string;
  position: number;
  lastSubmission: { id: string; status: string; verdict: string | null; createdAt: string } | null;
}

/** Everything the candidate may see of their assessment. No review fields: not selected, not returned. */
export interface CandidateAssessmentView {
  id: string;
  title: string;
  state: ClockState;
  timeLimitMinutes: number;
  startedAt: string | null;
  deadline: string | null;
  submittedAt: string | null;
  problems: CandidateProblem[];
}

export async function viewOwnAssessment(db: Db, user: SessionUser, id: string, now: Date = new Date()): Promise<CandidateAssessmentView> {
  await settleExpired(db, { id, candidateId: user.id }, now);
  const a = await db.assessment.findFirst({
    where: { id, candidateId: user.id },
    select: {
      id: true, title: true, status: true, timeLimitMinutes: true, startedAt: true, deadline: true, submittedAt: true,
      problems: { orderBy: { position: "asc" }, select: { position: true, problemId: true, problem: { select: { slug: true, title: true } } } },
    },
  });
  if (!a) throw assessmentNotFound();
  const last = await db.submission.findMany({
    where: { assessmentId: a.id, userId: user.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, problemId: true, status: true, verdict: true, createdAt: true },
  });
  return {
    id: a.id,
    title: a.title,
    state: clockState(a, now),
    timeLimitMinutes: a.timeLimitMinutes,
    startedAt: a.startedAt?.toISOString() ?? null,
    deadline: a.deadline?.toISOString() ?? null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    problems: a.problems.map((p) => {
      const s = last.find((x) => x.problemId === p.problemId);
      return {
        slug: p.problem.slug,
        title: p.problem.title,
        position: p.position,
        lastSubmission: s ? { id: s.id, status: s.status, verdict: s.verdict, createdAt: s.createdAt.toISOString() } : null,
      };
    }),
  };
}

export async function listOwnAssessments(db: Db, user: SessionUser, now: Date = new Date()) {
  await settleExpired(db, { candidateId: user.id }, now);
  const rows = await db.assessment.findMany({
    where: { candidateId: user.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, status: true, timeLimitMinutes: true, deadline: true, submittedAt: true, createdAt: true, _count: { select: { problems: true } } },
  });
  return rows.map((a) => ({ id: a.id, title: a.title, state: clockState(a, now), timeLimitMinutes: a.timeLimitMinutes, deadline: a.deadline, problemCount: a._count.problems, createdAt: a.createdAt }));
}

/** Start sets the clock: deadline = now + time limit. Starting again changes nothing. */
export async function startAssessment(db: Db, user: SessionUser, id: string, now: Date = new Date()): Promise<void> {
  const a = await db.assessment.findFirst({ where: { id, candidateId: user.id }, select: { status: true, timeLimitMinutes: true } });
  if (!a) throw assessmentNotFound();
  if (a.status !== "invited") return;
  await db.assessment.updateMany({
    where: { id, candidateId: user.id, status: "invited" },
    data: { status: "in_progress", startedAt: now, deadline: deadlineFor(now, a.timeLimitMinutes) },
  });
}

/** Hands the assessment in before the deadline. After the deadline it is already in (idempotent). */
export async function finishAssessment(db: Db, user: SessionUser, id: string, now: Date = new Date()): Promise<void> {
  await settleExpired(db, { id, candidateId: user.id }, now);
  const a = await db.assessment.findFirst({ where: { id, candidateId: user.id }, select: { status: true } });
  if (!a) throw assessmentNotFound();
  if (a.status === "invited") throw new AssessmentError(409, "ASSESSMENT_NOT_STARTED", "Start the assessment before handing it in.");
  if (a.status !== "in_progress") return;
  await db.assessment.updateMany({ where: { id, candidateId: user.id, status: "in_progress" }, data: { status: "submitted", submittedAt: now } });
}

/** The pinned version of one of the assessment's problems, for its workspace page. */
export async function ownAssessmentProblem(db: Db, user: SessionUser, id: string, slug: string) {
  const row = await db.assessmentProblem.findFirst({
    where: { assessment: { id, candidateId: user.id }, problem: { slug } },
    select: {
      problem: { select: { slug: true, title: true, track: true, difficulty: true } },
      problemVersion: { select: { id: true, version: true, statement: true, starter: true } },
    },
  });
  if (!row) throw assessmentNotFound();
  return row;
}
