import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../_components/empty-state";
import { ProblemBadges } from "../../_components/problem-badges";
import { requirePermission } from "../../_server/guards";
import { listPublishedProblems } from "../../_server/queries/problems";

export const metadata: Metadata = { title: "Problems" };

export default async function ProblemsPage() {
  await requirePermission("problems:read");
  const problems = await listPublishedProblems();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Problems</h1>
      {problems.length === 0 ? (
        <EmptyState title="No problems published yet.">Check back soon.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {problems.map((p) => (
            <li key={p.slug}>
              <Link href={`/problems/${p.slug}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span className="font-medium">{p.title}</span>
                <ProblemBadges track={p.track} difficulty={p.difficulty} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
