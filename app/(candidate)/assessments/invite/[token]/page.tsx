import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AssessmentError } from "../../../../_server/assessments/assessment-error";
import { openInvite } from "../../../../_server/assessments/candidate-assessments";
import { db } from "../../../../_server/db";
import { requireUser } from "../../../../_server/guards";

export const metadata: Metadata = { title: "Assessment invitation" };

// Opening the link links the invitation to the signed-in candidate it was sent to (by email) and goes on to
// the assessment. Signed out: sign-in comes back here. Anyone else: the same 404 as a wrong token.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const user = await requireUser();
  let id: string;
  try {
    ({ id } = await openInvite(db, user, (await params).token));
  } catch (e) {
    if (e instanceof AssessmentError) notFound();
    throw e;
  }
  redirect(`/assessments/${id}`);
}
