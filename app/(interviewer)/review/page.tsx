import type { Metadata } from "next";
import { EmptyState } from "../../_components/empty-state";
import { requirePermission } from "../../_server/guards";
import { listReviewQueue } from "../../_server/queries/review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePermission("reviews:read");
  const queue = await listReviewQueue(user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Review queue</h1>
      {queue.length === 0 ? (
        <EmptyState title="Nothing to review.">Assessments appear here when a candidate hands them in.</EmptyState>
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
                  <td className="px-4 py-2 font-medium">{a.title}</td>
                  <td className="px-4 py-2">{a.candidate.name} <span className="text-slate-500">({a.candidate.email})</span></td>
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
