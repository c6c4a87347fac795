import type { Metadata } from "next";
import Link from "next/link";
import { VerdictBadge } from "../../../_components/verdict-badge";
import { Countdown } from "../_components/countdown";
import { loadOwnAssessment } from "../_components/load-own-assessment";
import { STATE_LABEL } from "../_components/state-label";

export const metadata: Metadata = { title: "Assessment" };

const ERRORS: Record<string, string> = {
  ASSESSMENT_NOT_STARTED: "Start the assessment before handing it in.",
};

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export default async function AssessmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { assessment: a } = await loadOwnAssessment((await params).id);
  const { error } = await searchParams;
  const now = new Date().toISOString();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="text-sm text-slate-600">
          {a.problems.length} problem{a.problems.length === 1 ? "" : "s"} · time limit {a.timeLimitMinutes} minutes · <span data-testid="assessment-state">{STATE_LABEL[a.state]}</span>
        </p>
      </header>
      {typeof error === "string" && ERRORS[error] && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {ERRORS[error]}
        </p>
      )}

      {a.state === "not_started" && (
        <section aria-labelledby="start-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
          <h2 id="start-heading" className="text-lg font-semibold">
            Ready?
          </h2>
          <p className="text-sm">
            The clock starts when you press Start: you then have {a.timeLimitMinutes} minutes to solve the problems below. Submissions after the deadline are not
            accepted. You can hand in early with Finish.
          </p>
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {a.problems.map((p) => (
              <li key={p.slug}>{p.title}</li>
            ))}
          </ol>
          <form action={`/api/assessments/${a.id}/start`} method="post">
            <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
              Start
            </button>
          </form>
        </section>
      )}

      {a.state === "open" && a.deadline && (
        <div className="flex flex-wrap items-center gap-3">
          <Countdown deadline={a.deadline} serverNow={now} refreshAtZero />
          <span className="text-sm text-slate-600">Deadline {utc(a.deadline)}</span>
        </div>
      )}
      {(a.state === "handed_in" || a.state === "deadline_passed") && (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          {a.state === "handed_in" ? "You handed this assessment in" : "The time ran out; the assessment was handed in"}
          {a.submittedAt ? ` at ${utc(a.submittedAt)}` : ""}. Your interviewer will be in touch.
        </p>
      )}

      {a.state !== "not_started" && (
        <section aria-labelledby="problems-heading" className="space-y-3">
          <h2 id="problems-heading" className="text-lg font-semibold">
            Problems
          </h2>
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {a.problems.map((p) => (
              <li key={p.slug} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                {a.state === "open" ? (
                  <Link href={`/assessments/${a.id}/problems/${p.slug}`} className="font-medium text-blue-700 underline">
                    {p.title}
                  </Link>
                ) : (
                  <span className="font-medium">{p.title}</span>
                )}
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  {p.lastSubmission ? (
                    <>
                      Last submission:{" "}
                      {p.lastSubmission.status === "done" || p.lastSubmission.status === "failed" ? <VerdictBadge verdict={p.lastSubmission.verdict} /> : "being graded…"}
                      <Link href={`/submissions/${p.lastSubmission.id}`} className="text-blue-700 underline">
                        Result
                      </Link>
                    </>
                  ) : (
                    "No submission yet"
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {a.state === "open" && (
        <form action={`/api/assessments/${a.id}/finish`} method="post" className="space-y-2">
          <p className="text-sm text-slate-700">Done before the time is up? Hand in now; no more submissions are accepted after that.</p>
          <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600">
            Finish
          </button>
        </form>
      )}
    </div>
  );
}
