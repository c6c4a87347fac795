import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../_components/empty-state";
import { listAssessmentsFor } from "../../_server/assessments/assessment-review";
import type { ClockState } from "../../_server/assessments/assessment-clock";
import { db } from "../../_server/db";
import { requirePermission } from "../../_server/guards";
import { CandidateName } from "../_components/candidate-name";

export const metadata: Metadata = { title: "Assessments" };

const STATE: Record<ClockState, string> = {
  not_started: "Invited, not started",
  open: "In progress",
  deadline_passed: "Handed in (time ran out)",
  handed_in: "Handed in",
};
const DECISION: Record<string, string> = { advance: "Advance", reject: "Reject", pending: "Undecided" };

export default async function AssessmentsPage() {
  const user = await requirePermission("assessments:manage");
  const rows = await listAssessmentsFor(db, user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Assessments</h1>
        <Link href="/interviews/new" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          New assessment
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No assessments yet.">Create one, then send the candidate its invite link.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your assessments, newest first</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Assessment</th>
                <th scope="col" className="px-4 py-2">Candidate</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Decision</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/review/${a.id}`} className="text-blue-700 underline">
                      {a.title}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500">
                      {a._count.problems} problem{a._count.problems === 1 ? "" : "s"} · {a.timeLimitMinutes} min
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    <CandidateName candidate={a.candidate} email={a.candidateEmail} />
                  </td>
                  <td className="px-4 py-2">{STATE[a.state]}</td>
                  <td className="px-4 py-2">{a.review ? DECISION[a.review.decision] : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
