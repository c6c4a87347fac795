import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeWorkspace } from "../../../_components/code-workspace";
import { ProblemBadges } from "../../../_components/problem-badges";
import { currentUser, requirePermission } from "../../../_server/guards";
import { renderMarkdown, withoutLeadingTitle } from "../../../_server/markdown";
import { can } from "../../../_server/permissions";
import { getProblemForViewer } from "../../../_server/queries/problems";

type Props = { params: Promise<{ slug: string }> };

async function loadProblem(slug: string) {
  const user = await requirePermission("problems:read");
  const problem = await getProblemForViewer(slug, can(user.role, "problems:preview"));
  if (!problem) notFound();
  return problem;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await currentUser();
  if (!user) return { title: "Problem" };
  const problem = await getProblemForViewer((await params).slug, can(user.role, "problems:preview"));
  return { title: problem?.title ?? "Problem not found" };
}

export default async function ProblemPage({ params }: Props) {
  const problem = await loadProblem((await params).slug);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{problem.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ProblemBadges track={problem.track} difficulty={problem.difficulty} />
          <span>version {problem.version.version}</span>
          {!problem.published && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">unpublished (preview)</span>}
        </div>
      </header>
      <section aria-labelledby="statement-heading" className="rounded border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="statement-heading" className="sr-only">
          Statement
        </h2>
        <div className="prose-statement" dangerouslySetInnerHTML={{ __html: renderMarkdown(withoutLeadingTitle(problem.version.statement)) }} />
      </section>
      {/* The version id pins what the candidate saw; submissions are graded against the current version. */}
      <section id="workspace" data-problem-version={problem.version.id} aria-labelledby="workspace-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="workspace-heading" className="text-lg font-semibold">
            Your solution
          </h2>
          <Link href={`/problems/${problem.slug}/submissions`} className="text-sm text-blue-700 underline">
            Your submissions
          </Link>
        </div>
        <CodeWorkspace slug={problem.slug} starter={problem.version.starter} />
      </section>
    </article>
  );
}
