import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeWorkspace } from "../../../../../_components/code-workspace";
import { ProblemBadges } from "../../../../../_components/problem-badges";
import { AssessmentError } from "../../../../../_server/assessments/assessment-error";
import { ownAssessmentProblem } from "../../../../../_server/assessments/candidate-assessments";
import { db } from "../../../../../_server/db";
import { renderMarkdown, withoutLeadingTitle } from "../../../../../_server/markdown";
import { Countdown } from "../../../_components/countdown";
import { loadOwnAssessment } from "../../../_components/load-own-assessment";

export const metadata: Metadata = { title: "Assessment problem" };

type Props = { params: Promise<{ id: string; slug: string }> };

// The normal workspace with the assessment attached: the statement and starter of the version pinned when
// the assessment was made, submissions tagged with the assessment (the server refuses them once it closes).
export default async function AssessmentProblemPage({ params }: Props) {
  const { id, slug } = await params;
  const { user, assessment } = await loadOwnAssessment(id);
  let row;
  try {
    row = await ownAssessmentProblem(db, user, id, slug);
  } catch (e) {
    if (e instanceof AssessmentError) notFound();
    throw e;
  }
  const back = (
    <Link href={`/assessments/${assessment.id}`} className="text-sm text-blue-700 underline">
      Back to {assessment.title}
    </Link>
  );
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        {back}
        <h1 className="text-2xl font-semibold">{row.problem.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ProblemBadges track={row.problem.track} difficulty={row.problem.difficulty} />
          <span>version {row.problemVersion.version}</span>
          {assessment.state === "open" && assessment.deadline && <Countdown deadline={assessment.deadline} serverNow={new Date().toISOString()} />}
        </div>
      </header>
      <section aria-labelledby="statement-heading" className="rounded border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="statement-heading" className="sr-only">
          Statement
        </h2>
        <div className="prose-statement" dangerouslySetInnerHTML={{ __html: renderMarkdown(withoutLeadingTitle(row.problemVersion.statement)) }} />
      </section>
      <section id="workspace" aria-labelledby="workspace-heading" className="space-y-3">
        <h2 id="workspace-heading" className="text-lg font-semibold">
          Your solution
        </h2>
        {assessment.state === "open" ? (
          <CodeWorkspace slug={row.problem.slug} starter={row.problemVersion.starter} assessmentId={assessment.id} />
        ) : (
          <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
            {assessment.state === "not_started" ? "Start the assessment first." : "This assessment is closed: no more submissions are accepted."} {back}
          </p>
        )}
      </section>
    </article>
  );
}
