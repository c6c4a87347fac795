import "server-only";
import { notFound } from "next/navigation";
import { AssessmentError } from "../../../_server/assessments/assessment-error";
import { viewOwnAssessment } from "../../../_server/assessments/candidate-assessments";
import { db } from "../../../_server/db";
import { requirePermission } from "../../../_server/guards";

/** The signed-in candidate's own assessment, or the 404 page (not theirs looks the same as missing). */
export async function loadOwnAssessment(id: string) {
  const user = await requirePermission("submissions:create");
  try {
    return { user, assessment: await viewOwnAssessment(db, user, id) };
  } catch (e) {
    if (e instanceof AssessmentError) notFound();
    throw e;
  }
}
