import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "../../../../_components/empty-state";
import { VerdictBadge } from "../../../../_components/verdict-badge";
import { requirePermission } from "../../../../_server/guards";
import { can } from "../../../../_server/permissions";
import { getProblemForViewer } from "../../../../_server/queries/problems";
import { listOwnSubmissions } from "../../../../_server/queries/submissions";
import { CompareForm } from "./_components/compare-form";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Your submissions" };

const STATUS_WORDS = { queued: "Queued", running: "Running", done: "Done", failed: "Failed" } as const;

export default async function SubmissionHistoryPage({ params }: Props) {
  const user = await requirePermission("problems:read");
  const { slug } = await params;
  const problem = await getProblemForViewer(slug, can(user.role, "problems:preview"));
  if (!problem) notFound();
  const submissions = await listOwnSubmissions(user.id, slug);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Your submissions: {problem.title}</h1>
        <Link href={`/problems/${slug}`} className="text-sm text-blue-700 underline">
          Back to the problem
        </Link>
      </header>
      {submissions.length === 0 ? (
        <EmptyState title="No submissions yet.">Run or submit a solution from the problem page.</EmptyState>
      ) : (
        <>
          {/* Newest first: by default the diff goes from the one before the latest to the latest. */}
          {submissions.length >= 2 && <CompareForm slug={slug} submissions={submissions} a={submissions[1].id} b={submissions[0].id} />}
          <div className="overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Your submissions, newest first</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="px-3 py-2 font-medium">Time</th>
                  <th scope="col" className="px-3 py-2 font-medium">Kind</th>
                  <th scope="col" className="px-3 py-2 font-medium">Verdict</th>
                  <th scope="col" className="px-3 py-2 font-medium">Score</th>
                  <th scope="col" className="px-3 py-2 font-medium">Changes</th>
                </tr>
              </thead>
              <tbody>
                {submissions.map((s, i) => (
                  <tr key={s.id} className="border-b border-slate-200">
                    <td className="px-3 py-2">
                      <Link href={`/submissions/${s.id}`} className="text-blue-700 underline">
                        <time dateTime={s.createdAt.toISOString()}>{s.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                      </Link>
                    </td>
                    <td className="px-3 py-2">{s.kind === "run" ? "Run (samples)" : "Submit"}</td>
                    <td className="px-3 py-2">{s.status === "done" || s.status === "failed" ? <VerdictBadge verdict={s.verdict} /> : STATUS_WORDS[s.status]}</td>
                    <td className="px-3 py-2">{s.score ?? "—"}</td>
                    <td className="px-3 py-2">
                      {i + 1 < submissions.length ? (
                        <Link href={`/problems/${slug}/submissions/diff?a=${submissions[i + 1].id}&b=${s.id}`} className="text-blue-700 underline">
                          Diff with previous
                        </Link>
                      ) : (
                        "first"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
