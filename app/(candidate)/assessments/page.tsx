import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../_components/empty-state";
import { listOwnAssessments } from "../../_server/assessments/candidate-assessments";
import { db } from "../../_server/db";
import { requirePermission } from "../../_server/guards";
import { STATE_LABEL } from "./_components/state-label";

export const metadata: Metadata = { title: "Your assessments" };

export default async function AssessmentsPage() {
  const user = await requirePermission("submissions:create");
  const assessments = await listOwnAssessments(db, user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your assessments</h1>
      {assessments.length === 0 ? (
        <EmptyState title="No assessments yet.">When an interviewer invites you, open the link they sent you; the assessment then appears here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {assessments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/assessments/${a.id}`} className="font-medium text-blue-700 underline">
                {a.title}
              </Link>
              <span className="text-sm text-slate-600">
                {a.problemCount} problem{a.problemCount === 1 ? "" : "s"} · {a.timeLimitMinutes} min · {STATE_LABEL[a.state]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
