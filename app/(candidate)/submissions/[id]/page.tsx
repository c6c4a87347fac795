import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { forCandidate } from "../../../_components/candidate-report";
import { RefreshWhilePending } from "../../../_components/refresh-while-pending";
import { SubmissionResult } from "../../../_components/submission-result";
import { requirePermission } from "../../../_server/guards";
import { getOwnSubmission } from "../../../_server/queries/submissions";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Submission" };

export default async function SubmissionPage({ params }: Props) {
  const user = await requirePermission("problems:read");
  // Owner only: anyone else, whatever their role, gets the same 404 as for an id that does not exist.
  const submission = await getOwnSubmission(user.id, (await params).id);
  if (!submission) notFound();
  const pending = submission.status === "queued" || submission.status === "running";
  const report = pending ? null : forCandidate(submission.report);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {submission.kind === "run" ? "Run" : "Submission"}: {submission.problem.title}
        </h1>
        <p className="text-sm text-slate-600">
          <time dateTime={submission.createdAt.toISOString()}>{submission.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>, problem version{" "}
          {submission.problemVersion.version} ·{" "}
          <Link href={`/problems/${submission.problem.slug}/submissions`} className="text-blue-700 underline">
            All your submissions
          </Link>{" "}
          ·{" "}
          <Link href={`/problems/${submission.problem.slug}`} className="text-blue-700 underline">
            Problem
          </Link>
        </p>
      </header>
      <div role="status" aria-live="polite" className="text-sm">
        {pending && (submission.status === "queued" ? "Queued: waiting for a grader…" : "Running the tests…")}
      </div>
      {pending && <RefreshWhilePending />}
      {report && <SubmissionResult report={report} />}
      {!pending && !report && (
        <p role="alert" className="text-sm text-red-800">
          The grader could not grade this submission. This is not a verdict on your code.
        </p>
      )}
      <section aria-labelledby="code-heading" className="space-y-2">
        <h2 id="code-heading" className="text-lg font-semibold">
          Code
        </h2>
        <pre className="overflow-x-auto rounded bg-slate-900 p-4 font-mono text-sm text-slate-100">
          <code>{submission.code}</code>
        </pre>
      </section>
    </div>
  );
}
