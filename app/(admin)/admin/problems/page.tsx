import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../../_components/empty-state";
import { ProblemBadges } from "../../../_components/problem-badges";
import { setProblemPublishedAction } from "../../../_server/actions/set-problem-published";
import { requirePermission } from "../../../_server/guards";
import { listProblemsForAdmin } from "../../../_server/queries/problems";

export const metadata: Metadata = { title: "Manage problems" };

export default async function AdminProblemsPage() {
  await requirePermission("problems:manage");
  const problems = await listProblemsForAdmin();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Manage problems</h1>
        <p className="text-sm text-slate-600">
          Problems are loaded from <code>problems/</code> at install and start, or written here; every change becomes a new version.
        </p>
        <p className="flex flex-wrap gap-3 pt-2 text-sm">
          <Link href="/admin/problems/new" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            New problem
          </Link>
          <Link href="/admin/problems/import" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Import a package
          </Link>
        </p>
      </div>
      {problems.length === 0 ? (
        <EmptyState title="No problems loaded.">Add a package under problems/ and run npm start (or npm run db:seed).</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">All problems with their current version and publication state</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Problem</th>
                <th scope="col" className="px-4 py-2">Track / difficulty</th>
                <th scope="col" className="px-4 py-2">Version</th>
                <th scope="col" className="px-4 py-2">Submissions</th>
                <th scope="col" className="px-4 py-2">Published</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {problems.map((p) => (
                <tr key={p.slug}>
                  <td className="px-4 py-2">
                    <Link href={`/problems/${p.slug}`} className="font-medium underline">
                      {p.title}
                    </Link>
                    <div className="font-mono text-xs text-slate-500">{p.slug}</div>
                    <Link href={`/admin/problems/${p.slug}/edit`} className="text-xs text-blue-700 underline">
                      Edit<span className="sr-only"> {p.title}</span>
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <ProblemBadges track={p.track} difficulty={p.difficulty} />
                  </td>
                  <td className="px-4 py-2">
                    v{p.currentVersion} <span className="text-slate-500">of {p._count.versions}</span>
                  </td>
                  <td className="px-4 py-2">{p._count.submissions}</td>
                  <td className="px-4 py-2">
                    <form action={setProblemPublishedAction} className="flex items-center gap-2">
                      <input type="hidden" name="slug" value={p.slug} />
                      <input type="hidden" name="published" value={String(!p.published)} />
                      <span className={p.published ? "text-emerald-700" : "text-slate-500"}>{p.published ? "Yes" : "No"}</span>
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
                        {p.published ? "Unpublish" : "Publish"}
                        <span className="sr-only"> {p.title}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
