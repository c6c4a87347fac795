import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../_components/empty-state";
import { ProblemBadges } from "../../_components/problem-badges";
import { requirePermission } from "../../_server/guards";
import { listProblemsForCandidate, parseProblemFilters, PROBLEM_STATUSES, type ProblemStatus } from "../../_server/queries/problems";
import { DIFFICULTIES, TRACKS } from "../../../graders/problem-package";

export const metadata: Metadata = { title: "Problems" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_LABEL: Record<ProblemStatus, string> = { solved: "Solved", attempted: "Attempted", new: "New" };
const STATUS_STYLE: Record<ProblemStatus, string> = {
  solved: "bg-emerald-100 text-emerald-900",
  attempted: "bg-amber-100 text-amber-900",
  new: "bg-slate-100 text-slate-700",
};

const selectClass = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Select({ id, label, value, options }: { id: string; label: string; value: string | undefined; options: readonly string[] }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className={selectClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ProblemsPage({ searchParams }: Props) {
  const user = await requirePermission("problems:read");
  const filters = parseProblemFilters(await searchParams);
  const problems = await listProblemsForCandidate(user.id, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Problems</h1>
      {/* A plain GET form: the filters live in the URL, so they work without JavaScript and can be bookmarked.
          Keyed by the filters: after a client-side navigation (e.g. "Clear filters") React would otherwise keep
          the old uncontrolled values, and the next submit would send them again. */}
      <form key={JSON.stringify(filters)} method="get" action="/problems" role="search" aria-label="Filter problems" className="grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-5 sm:items-end">
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium">
            Search title or slug
          </label>
          <input id="q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} className={selectClass} />
        </div>
        <Select id="track" label="Track" value={filters.track} options={TRACKS} />
        <Select id="difficulty" label="Difficulty" value={filters.difficulty} options={DIFFICULTIES} />
        <Select id="status" label="Status" value={filters.status} options={PROBLEM_STATUSES} />
        <div className="col-span-2 flex items-center gap-3 sm:col-span-5">
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
            Filter
          </button>
          {filtered && (
            <Link href="/problems" className="text-sm text-blue-700 underline">
              Clear filters
            </Link>
          )}
        </div>
      </form>
      <p className="sr-only" role="status">{`${problems.length} problem${problems.length === 1 ? "" : "s"} shown`}</p>
      {problems.length === 0 ? (
        filtered ? (
          <EmptyState title="No problems match these filters.">
            Try another track, difficulty or status, or{" "}
            <Link href="/problems" className="text-blue-700 underline">
              clear the filters
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState title="No problems published yet.">Check back soon.</EmptyState>
        )
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label="Problems">
          {problems.map((p) => (
            <li key={p.slug}>
              <Link href={`/problems/${p.slug}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span className="font-medium">{p.title}</span>
                <span className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[p.status]}`} data-status={p.status}>
                    {STATUS_LABEL[p.status]}
                  </span>
                  <ProblemBadges track={p.track} difficulty={p.difficulty} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
