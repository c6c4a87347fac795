import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeDiff } from "../../../../../_components/code-diff";
import { VerdictBadge } from "../../../../../_components/verdict-badge";
import { requirePermission } from "../../../../../_server/guards";
import { can } from "../../../../../_server/permissions";
import { getProblemForViewer } from "../../../../../_server/queries/problems";
import { getOwnSubmissionPair, listOwnSubmissions, submissionPairSchema } from "../../../../../_server/queries/submissions";
import { CompareForm } from "../_components/compare-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Compare submissions" };

type Side = NonNullable<Awaited<ReturnType<typeof getOwnSubmissionPair>>>["a"];

function SideSummary({ label, s }: { label: string; s: Side }) {
  return (
    <div className="space-y-1 rounded border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">{label}</p>
      <p>
        <Link href={`/submissions/${s.id}`} className="text-blue-700 underline">
          <time dateTime={s.createdAt.toISOString()}>{s.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
        </Link>{" "}
        · {s.kind === "run" ? "Run (samples)" : "Submit"} · version {s.problemVersion.version}
      </p>
      <p className="flex flex-wrap items-center gap-2">
        {s.status === "done" || s.status === "failed" ? <VerdictBadge verdict={s.verdict} /> : <span>{s.status}</span>}
        {s.score !== null && <span>score {s.score}</span>}
      </p>
    </div>
  );
}

type History = Awaited<ReturnType<typeof listOwnSubmissions>>;

function Header({ slug, title }: { slug: string; title: string }) {
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-semibold">Compare submissions: {title}</h1>
      <Link href={`/problems/${slug}/submissions`} className="text-sm text-blue-700 underline">
        All your submissions
      </Link>
    </header>
  );
}

/** No pair chosen yet (a bookmarked or hand-typed URL): the form to choose one, newest against the one before. */
function PickPair({ slug, title, history }: { slug: string; title: string; history: History }) {
  return (
    <div className="space-y-6">
      <Header slug={slug} title={title} />
      {history.length >= 2 ? (
        <CompareForm slug={slug} submissions={history} a={history[1].id} b={history[0].id} />
      ) : (
        <p role="status" className="rounded border border-slate-200 bg-white p-3 text-sm">
          A comparison needs two submissions of this problem; you have {history.length === 0 ? "none" : "one"} so far.{" "}
          <Link href={`/problems/${slug}`} className="text-blue-700 underline">
            Back to the problem
          </Link>
        </p>
      )}
    </div>
  );
}

export default async function SubmissionDiffPage({ params, searchParams }: Props) {
  const user = await requirePermission("problems:read");
  const { slug } = await params;
  const problem = await getProblemForViewer(slug, can(user.role, "problems:preview"));
  if (!problem) notFound();
  const query = await searchParams;
  const history = await listOwnSubmissions(user.id, slug);
  if (!query.a || !query.b) return <PickPair slug={slug} title={problem.title} history={history} />;
  const ids = submissionPairSchema.safeParse({ a: query.a, b: query.b });
  // A malformed id, an id that does not exist and another user's id all get the same 404.
  if (!ids.success) notFound();
  const pair = await getOwnSubmissionPair(user.id, slug, ids.data);
  if (!pair) notFound();
  return (
    <div className="space-y-6">
      <Header slug={slug} title={problem.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SideSummary label="From (before)" s={pair.a} />
        <SideSummary label="To (after)" s={pair.b} />
      </div>
      <section aria-labelledby="diff-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Changes
          </h2>
          <Link href={`/problems/${slug}/submissions/diff?a=${pair.b.id}&b=${pair.a.id}`} className="text-sm text-blue-700 underline">
            Swap before and after
          </Link>
        </div>
        <CodeDiff before={pair.a.code} after={pair.b.code} caption="Line diff" />
      </section>
      {history.length >= 2 && <CompareForm slug={slug} submissions={history} a={pair.a.id} b={pair.b.id} />}
    </div>
  );
}
