import type { Metadata } from "next";
import { MAX_TIME_LIMIT_MINUTES } from "../../../_server/assessments/create-assessment";
import { requirePermission } from "../../../_server/guards";
import { listPublishedProblems } from "../../../_server/queries/problems";
import { NewAssessmentForm } from "./new-assessment-form";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage() {
  await requirePermission("assessments:manage");
  const problems = await listPublishedProblems();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">New assessment</h1>
      <p className="text-sm text-slate-700">
        Pick the problems and the time limit, and enter the candidate&apos;s email. You get an invite link to send them; the clock starts when they press Start. If
        nobody has an account with that email yet, they can sign up with it and then open the link.
      </p>
      <NewAssessmentForm problems={problems.map((p) => ({ slug: p.slug, title: p.title, track: p.track, difficulty: p.difficulty }))} maxMinutes={MAX_TIME_LIMIT_MINUTES} />
    </div>
  );
}
