// Assessments handed in and not yet decided: what an interviewer reviews next. Interviewers see the
// assessments they run; admins see all. Assessments whose time ran out count as handed in (settled here).
import "server-only";
import { settleExpired } from "../assessments/assessment-clock";
import { reviewableBy } from "../assessments/assessment-review";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";

export async function listReviewQueue(viewer: SessionUser) {
  await settleExpired(db, reviewableBy(viewer));
  return db.assessment.findMany({
    where: {
      AND: [reviewableBy(viewer), { status: "submitted" }, { OR: [{ review: null }, { review: { decision: "pending" } }] }],
    },
    select: {
      id: true,
      title: true,
      submittedAt: true,
      candidateEmail: true,
      candidate: { select: { name: true, email: true } },
      _count: { select: { problems: true, submissions: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
}
