// Assessments handed in and not yet decided: what an interviewer reviews next. Interviewers see the
// assessments they run; admins see all.
import "server-only";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";

export function listReviewQueue(viewer: SessionUser) {
  return db.assessment.findMany({
    where: {
      status: "submitted",
      ...(viewer.role === "admin" ? {} : { interviewerId: viewer.id }),
      OR: [{ review: null }, { review: { decision: "pending" } }],
    },
    select: {
      id: true,
      title: true,
      submittedAt: true,
      candidate: { select: { name: true, email: true } },
      _count: { select: { problems: true, submissions: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
}
