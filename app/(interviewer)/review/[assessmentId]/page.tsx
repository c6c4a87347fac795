import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmissionResult } from "../../../_components/submission-result";
import { VerdictBadge } from "../../../_components/verdict-badge";
import type { ClockState } from "../../../_server/assessments/assessment-clock";
import { AssessmentError } from "../../../_server/assessments/assessment-error";
import { viewForReview } from "../../../_server/assessments/assessment-review";
import { db } from "../../../_server/db";
import { requirePermission } from "../../../_server/guards";
import { can } from "../../../_server/permissions";
import { CandidateName } from "../../_components/candidate-name";
import { forReviewer } from "../../_components/reviewer-report";
import { NewInviteLink } from "./new-invite-link";
import { ReviewForm } from "./review-form";

export const metadata: Metadata = { title: "Review" };

const STATE: Record<ClockState, string> = {
  not_started: "Invited, not started",
  open: "In progress",
  deadline_passed: "Handed in (time ran out)",
  handed_in: "Handed in",
};
const FORM_ERRORS: Record<string, string> = {
  INVALID_INPUT: "Score every problem from 1 to 5 before deciding, and choose a decision.",
  ASSESSMENT_NOT_HANDED_IN: "The candidate has not handed this assessment in yet.",
};

function utc(d: Date | null): string {
  return d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}

type Props = { params: Promise<{ assessmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const user = await requirePermission("reviews:read");
  let a;
  try {
    a = await viewForReview(db, user, (await params).assessmentId);
  } catch (e) {
    if (e instanceof AssessmentError) notFound();
    throw e;
  }
  const { saved, error } = await searchParams;
  const handedIn = a.state === "handed_in" || a.state === "deadline_passed";
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href="/review" className="text-sm text-blue-700 underline">
          Review queue
        </Link>
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-slate-600">Candidate: </dt>
            <dd className="inline">
              <CandidateName candidate={a.candidate} email={a.candidateEmail} />
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-600">Status: </dt>
            <dd className="inline">{STATE[a.state]}</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">Time limit: </dt>
            <dd className="inline">{a.timeLimitMinutes} minutes</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">Started / handed in: </dt>
            <dd className="inline">
              {utc(a.startedAt)} / {utc(a.submittedAt)}
            </dd>
          </div>
        </dl>
      </header>

      {a.state === "not_started" && can(user.role, "assessments:manage") && <NewInviteLink assessmentId={a.id} />}

      {a.problems.map((p, i) => {
        const s = p.lastSubmission;
        const report = s && (s.status === "done" || s.status === "failed") ? forReviewer(s.report) : null;
        return (
          <section key={p.problemId} aria-labelledby={`problem-${i}`} className="space-y-3">
            <h2 id={`problem-${i}`} className="text-xl font-semibold">
              {i + 1}. {p.problem.title} <span className="text-sm font-normal text-slate-500">(version {p.problemVersion.version})</span>
            </h2>
            {!s ? (
              <p className="text-sm text-slate-600">No submission for this problem.</p>
            ) : (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  Last of {p.submissionCount} submission{p.submissionCount === 1 ? "" : "s"}, {utc(s.createdAt)}:{" "}
                  {s.status === "queued" || s.status === "running" ? "being graded…" : <VerdictBadge verdict={s.verdict} />}
                </p>
                <h3 className="font-semibold">Code</h3>
                <pre className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-4 font-mono text-sm text-slate-100" tabIndex={0} aria-label={`Code submitted for ${p.problem.title}`}>
                  <code>{s.code}</code>
                </pre>
                {report && <SubmissionResult report={report} headingLevel={3} />}
                {s.status === "failed" && !report && <p className="text-sm text-red-800">The grader could not grade this submission.</p>}
              </>
            )}
          </section>
        );
      })}

      {!handedIn ? (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          The review opens when the candidate hands the assessment in or the time runs out.
        </p>
      ) : can(user.role, "reviews:write") ? (
        <ReviewForm
          assessmentId={a.id}
          problems={a.problems.map((p) => ({ slug: p.problem.slug, title: p.problem.title }))}
          initial={{ notes: a.review?.notes ?? "", scores: a.review?.rubric.scores ?? {}, decision: a.review?.decision ?? "pending" }}
          initialMessage={
            saved === "1"
              ? { kind: "saved", text: "Review saved." }
              : typeof error === "string"
                ? { kind: "error", text: FORM_ERRORS[error] ?? "The review could not be saved." }
                : undefined
          }
        />
      ) : null}
      {a.review && (
        <p className="text-xs text-slate-500">
          Last saved by {a.review.reviewer.name}, {utc(a.review.updatedAt)}.
        </p>
      )}
    </div>
  );
}
