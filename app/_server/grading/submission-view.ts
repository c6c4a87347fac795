// What GET /api/submissions/:id shows, and to whom: the owner, and roles that review submissions
// (interviewers, admins). Anyone else gets "not found", so ids cannot be probed for existence.
import type { SessionUser } from "../auth/session-user";
import { can } from "../permissions";
import { forCandidate } from "../../_components/candidate-report";
import { GradingError } from "./grading-error";
import type { Db } from "./submission-store";

export interface SubmissionView {
  id: string;
  problem: { slug: string; version: number };
  kind: "run" | "submit";
  status: "queued" | "running" | "done" | "failed";
  verdict: string | null;
  score: number | null;
  report: unknown;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export async function viewSubmission(db: Db, viewer: SessionUser, id: string): Promise<SubmissionView> {
  // findFirst: many clients polling at once must not be batched into one oversized IN (...) query.
  const row = await db.submission.findFirst({
    where: { id },
    select: {
      id: true, userId: true, kind: true, status: true, verdict: true, score: true, report: true, attempts: true,
      createdAt: true, startedAt: true, finishedAt: true,
      problem: { select: { slug: true } }, problemVersion: { select: { version: true } },
    },
  });
  if (!row || (row.userId !== viewer.id && !can(viewer.role, "reviews:read"))) {
    throw new GradingError("SUBMISSION_NOT_FOUND", "No such submission.");
  }
  // Reviewers see the whole report; a candidate sees hidden tests by name and verdict only, since their
  // figures, metrics and timelines would give the hidden inputs away.
  const report = can(viewer.role, "reviews:read") ? row.report : (forCandidate(row.report) ?? row.report);
  return {
    id: row.id,
    problem: { slug: row.problem.slug, version: row.problemVersion.version },
    kind: row.kind,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    report,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
