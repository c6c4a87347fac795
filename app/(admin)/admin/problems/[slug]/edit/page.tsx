import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DIFFICULTIES, TRACKS } from "../../../../../../graders/problem-package";
import { draftFromPackage } from "../../../../../_server/admin/package-input";
import { validationOf } from "../../../../../_server/admin/validation-service";
import { setProblemPublishedAction } from "../../../../../_server/actions/set-problem-published";
import { requirePermission } from "../../../../../_server/guards";
import { getProblemForEditing, getVersionPackage } from "../../../../../_server/problems/admin-problem";
import { ProblemEditor } from "../../_components/problem-editor";
import { ValidationPanel, type ValidationView } from "../../_components/validation-panel";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string; created?: string }> };

export const metadata: Metadata = { title: "Edit problem" };

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function EditProblemPage({ params, searchParams }: Props) {
  await requirePermission("problems:manage");
  const { slug } = await params;
  const query = await searchParams;
  const problem = await getProblemForEditing(slug);
  if (!problem) notFound();
  const asked = query.version && /^\d{1,9}$/.test(query.version) ? Number(query.version) : undefined;
  const loaded = await getVersionPackage(slug, asked);
  if (!loaded) notFound();
  const current = loaded.version === problem.currentVersion ? loaded : await getVersionPackage(slug);
  const validation = current ? ((await validationOf(current.id)) as ValidationView | null) : null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/problems" className="text-blue-700 underline">
            ← Manage problems
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Edit: {problem.title}</h1>
        {query.created && (
          <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            Created as version 1, unpublished. Validate it, then publish it.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="font-mono text-slate-600">{problem.slug}</span>
          <span>current version {problem.currentVersion}</span>
          <form action={setProblemPublishedAction} className="flex items-center gap-2">
            <input type="hidden" name="slug" value={problem.slug} />
            <input type="hidden" name="published" value={String(!problem.published)} />
            <span className={problem.published ? "text-emerald-700" : "text-slate-600"} data-testid="published-state">
              {problem.published ? "Published" : "Unpublished"}
            </span>
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
              {problem.published ? "Unpublish" : "Publish"}
            </button>
          </form>
          <Link href={`/problems/${problem.slug}`} className="text-blue-700 underline">
            Candidate view
          </Link>
          <a href={`/api/admin/problems/${problem.slug}/export?version=${loaded.version}`} className="text-blue-700 underline" download>
            Export version {loaded.version} (JSON)
          </a>
        </div>
      </div>

      {current && <ValidationPanel slug={problem.slug} version={current.version} initial={validation} />}

      <section aria-labelledby="versions-heading" className="space-y-2 rounded border border-slate-200 bg-white p-4">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <p className="text-sm text-slate-600">Each save is a new version; submissions keep the version they were graded against.</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Versions of this problem, newest first</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Version</th>
                <th scope="col" className="px-3 py-2">Saved</th>
                <th scope="col" className="px-3 py-2">Submissions</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {problem.versions.map((v) => (
                <tr key={v.id}>
                  <td className="px-3 py-2">
                    v{v.version}
                    {v.version === problem.currentVersion && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">current</span>}
                    {v.version === loaded.version && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">in the editor</span>}
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={v.createdAt.toISOString()}>{when(v.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">{v._count.submissions}</td>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-3">
                      {v.version !== loaded.version && (
                        <Link href={`/admin/problems/${problem.slug}/edit?version=${v.version}`} className="text-blue-700 underline">
                          Open v{v.version} in the editor
                        </Link>
                      )}
                      <a href={`/api/admin/problems/${problem.slug}/export?version=${v.version}`} className="text-blue-700 underline" download>
                        Export v{v.version}
                      </a>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <ProblemEditor
        // A new key when another version is opened (fresh editor state), the same one across a save (keeps its message).
        key={query.version ?? "current"}
        mode="update"
        initial={draftFromPackage(loaded.pkg)}
        tracks={TRACKS}
        difficulties={DIFFICULTIES}
        loadedVersion={loaded.version === problem.currentVersion ? undefined : loaded.version}
        baseVersion={problem.currentVersion}
      />
    </div>
  );
}
