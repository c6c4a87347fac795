// The submit path's check for a submission made inside an assessment: the candidate owns it, the problem
// belongs to it, and it is open (started, not handed in, deadline not passed). Answers the version pinned
// when the assessment was created, which is what the submission is graded against.
import { GradingError } from "../grading/grading-error";
import type { Db } from "../grading/submission-store";
import { clockState } from "./assessment-clock";

export async function assessmentVersionForSubmission(db: Db, input: { userId: string; assessmentId: string; problemId: string }, now: Date = new Date()): Promise<string> {
  const a = await db.assessment.findFirst({
    where: { id: input.assessmentId, candidateId: input.userId },
    select: { status: true, deadline: true, submittedAt: true, problems: { where: { problemId: input.problemId }, select: { problemVersionId: true } } },
  });
  if (!a) throw new GradingError("ASSESSMENT_NOT_FOUND", "No such assessment.");
  if (a.problems.length === 0) throw new GradingError("PROBLEM_NOT_IN_ASSESSMENT", "This problem is not part of the assessment.");
  switch (clockState(a, now)) {
    case "not_started":
      throw new GradingError("assessment_not_started", "Start the assessment before submitting.");
    case "deadline_passed":
      throw new GradingError("assessment_deadline_passed", "The assessment's time is up: submissions after the deadline are not accepted.");
    case "handed_in":
      throw new GradingError("assessment_handed_in", "You have handed this assessment in: no more submissions are accepted.");
    case "open":
      return a.problems[0].problemVersionId;
  }
}
