// Reads for problem pages and the problem API; explicit columns, no package blobs in lists.
import "server-only";
import { cache } from "react";
import { z } from "zod";
import { DIFFICULTIES, TRACKS } from "../../../graders/problem-package";
import { db } from "../db";

const listColumns = { slug: true, title: true, track: true, difficulty: true } as const;

export function listPublishedProblems() {
  return db.problem.findMany({ where: { published: true }, select: listColumns, orderBy: [{ track: "asc" }, { title: "asc" }] });
}

export function listProblemsForAdmin() {
  return db.problem.findMany({
    select: { ...listColumns, published: true, currentVersion: true, updatedAt: true, _count: { select: { versions: true, submissions: true } } },
    orderBy: { slug: "asc" },
  });
}

/**
 * The current version of a problem, or null when it does not exist or the viewer may not see it.
 * Cached per request (the page and its metadata ask for it), and without the package blob: the page
 * shows the statement and the starter only (parsing every test and solution cost each page view).
 */
export const getProblemForViewer = cache(async (slug: string, canPreviewUnpublished: boolean) => {
  const problem = await db.problem.findUnique({
    where: { slug },
    select: { ...listColumns, id: true, published: true, currentVersion: true },
  });
  if (!problem || (!problem.published && !canPreviewUnpublished)) return null;
  const version = await db.problemVersion.findUnique({
    where: { problemId_version: { problemId: problem.id, version: problem.currentVersion } },
    select: { id: true, version: true, statement: true, starter: true },
  });
  return version ? { ...problem, version } : null;
});

// ---------------------------------------------------------------- the candidate's filtered list

export const PROBLEM_STATUSES = ["solved", "attempted", "new"] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

const oneValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** An unknown or empty value means "any": a stale bookmark still shows a list, and the form says what was dropped. */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(oneValue, z.enum(values).optional().catch(undefined));

export const problemFiltersSchema = z.object({
  track: optionalEnum(TRACKS),
  difficulty: optionalEnum(DIFFICULTIES),
  status: optionalEnum(PROBLEM_STATUSES),
  q: z.preprocess(oneValue, z.string().trim().max(100).optional().catch(undefined)).transform((s) => (s ? s : undefined)),
});
export type ProblemFilters = Partial<z.infer<typeof problemFiltersSchema>>;

/** Filters from a page's searchParams; never throws. */
export function parseProblemFilters(params: Record<string, string | string[] | undefined>): ProblemFilters {
  return problemFiltersSchema.parse(params);
}

/** "Solved" needs an accepted Submit; a Run on the samples only is an attempt. */
const acceptedBy = (userId: string) => ({ userId, kind: "submit" as const, verdict: "accepted" });

function statusWhere(userId: string, status: ProblemStatus | undefined) {
  switch (status) {
    case "solved":
      return { submissions: { some: acceptedBy(userId) } };
    case "attempted":
      return { AND: [{ submissions: { some: { userId } } }, { submissions: { none: acceptedBy(userId) } }] };
    case "new":
      return { submissions: { none: { userId } } };
    default:
      return {};
  }
}

/** Published problems matching the filters, each with this user's status; filtered in SQL. */
export async function listProblemsForCandidate(userId: string, filters: ProblemFilters) {
  const search = filters.q ? { OR: [{ title: { contains: filters.q } }, { slug: { contains: filters.q.toLowerCase() } }] } : {};
  const problems = await db.problem.findMany({
    where: {
      published: true,
      ...(filters.track ? { track: filters.track } : {}),
      ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
      ...search,
      ...statusWhere(userId, filters.status),
    },
    select: { ...listColumns, id: true },
    orderBy: [{ track: "asc" }, { title: "asc" }],
  });
  const ids = problems.map((p) => p.id);
  const [tried, solved] = await Promise.all([
    db.submission.findMany({ where: { userId, problemId: { in: ids } }, select: { problemId: true }, distinct: ["problemId"] }),
    db.submission.findMany({ where: { ...acceptedBy(userId), problemId: { in: ids } }, select: { problemId: true }, distinct: ["problemId"] }),
  ]);
  const triedIds = new Set(tried.map((s) => s.problemId));
  const solvedIds = new Set(solved.map((s) => s.problemId));
  return problems.map(({ id, ...p }) => ({ ...p, status: (solvedIds.has(id) ? "solved" : triedIds.has(id) ? "attempted" : "new") as ProblemStatus }));
}
