import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
      {/* The editor and the run/submit flow (issue 5) replace this section; it receives the version id
          so a submission is pinned to the exact version the candidate saw. */}
      <section id="workspace" data-problem-version={problem.version.id} aria-labelledby="starter-heading" className="space-y-2">
        <h2 id="starter-heading" className="text-lg font-semibold">
          Starter code
        </h2>
        <pre className="overflow-x-auto rounded bg-slate-900 p-4 font-mono text-sm text-slate-100">
          <code>{problem.version.starter}</code>
        </pre>
        <p className="text-sm text-slate-600">The editor and submissions are coming soon.</p>
      </section>
    </article>
  );
}
