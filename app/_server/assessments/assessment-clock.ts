// The deadline rule, in one place: an assessment is open for submissions from Start until its deadline
// or until the candidate hands it in. Nothing runs at the deadline itself; every read first settles the
// assessments whose time ran out (status "submitted", submittedAt = deadline), so lists, pages and the
// submit path agree without a background job.
import type { Prisma } from "../../../generated/prisma/client";
import type { Db } from "../grading/submission-store";

export type ClockState = "not_started" | "open" | "deadline_passed" | "handed_in";

export interface Clocked {
  status: string;
  deadline: Date | null;
  submittedAt: Date | null;
}

export function clockState(a: Clocked, now: Date = new Date()): ClockState {
  if (a.status === "invited") return "not_started";
  if (a.status === "in_progress") return a.deadline && a.deadline.getTime() <= now.getTime() ? "deadline_passed" : "open";
  // submitted / reviewed / expired: handed in early, or closed by the deadline.
  if (a.submittedAt && a.deadline && a.submittedAt.getTime() >= a.deadline.getTime()) return "deadline_passed";
  return "handed_in";
}

export function deadlineFor(startedAt: Date, timeLimitMinutes: number): Date {
  return new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** Marks in-progress assessments past their deadline as submitted at the deadline. */
export async function settleExpired(db: Db, where: Prisma.AssessmentWhereInput = {}, now: Date = new Date()): Promise<void> {
  const expired = await db.assessment.findMany({
    where: { AND: [where, { status: "in_progress", deadline: { lte: now } }] },
    select: { id: true, deadline: true },
  });
  for (const a of expired) {
    // Compare-and-set: a Finish racing with this keeps its own (earlier) submittedAt.
    await db.assessment.updateMany({ where: { id: a.id, status: "in_progress" }, data: { status: "submitted", submittedAt: a.deadline } });
  }
}
