// A new invite link for an assessment not started yet (the old link stops working): the interviewer sees
// a link only once, when it is made, since only its hash is stored.
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../grading/submission-store";
import { can } from "../permissions";
import { reviewableBy } from "./assessment-review";
import { AssessmentError, assessmentNotFound } from "./assessment-error";
import { hashInviteToken, invitePath, newInviteToken } from "./invite-token";

export async function reissueInvite(db: Db, viewer: SessionUser, id: string): Promise<{ invitePath: string }> {
  if (!can(viewer.role, "assessments:manage")) throw assessmentNotFound();
  const a = await db.assessment.findFirst({ where: { AND: [{ id }, reviewableBy(viewer)] }, select: { id: true } });
  if (!a) throw assessmentNotFound();
  const token = newInviteToken();
  const { count } = await db.assessment.updateMany({ where: { id: a.id, status: "invited" }, data: { inviteTokenHash: hashInviteToken(token) } });
  if (count === 0) throw new AssessmentError(409, "ASSESSMENT_ALREADY_STARTED", "The candidate has already started: the link is no longer needed.");
  return { invitePath: invitePath(token) };
}
