import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../_components/empty-state";
import { requirePermission } from "../../_server/guards";
import { can } from "../../_server/permissions";
import { listReviewQueue } from "../../_server/queries/review-queue";
import { CandidateName } from "../_components/candidate-name";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePermission("reviews:read");
  const queue = await listReviewQueue(user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Review queue</h1>
        {can(user.role, "assessments:manage") && (
          <span className="flex gap-4 text-sm">
            <Link href="/interviews" className="text-blue-700 underline">
              All assessments
            </Link>
            <Link href="/interviews/new" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
              New assessment
            </Link>
          </span>
        )}
      </div>
      {queue.length === 0 ? (
        <EmptyState title="Nothing to review.">Assessments appear here when a candidate hands them in, or when their time runs out.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Assessments waiting for a decision</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Assessment</th>
                <th scope="col" className="px-4 py-2">Candidate</th>
                <th scope="col" className="px-4 py-2">Problems</th>
                <th scope="col" className="px-4 py-2">Handed in</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {queue.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/review/${a.id}`} className="text-blue-700 underline">
                      {a.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <CandidateName candidate={a.candidate} email={a.candidateEmail} />
                  </td>
                  <td className="px-4 py-2">{a._count.problems}</td>
                  <td className="px-4 py-2">{a.submittedAt?.toISOString().slice(0, 16).replace("T", " ") ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
