// Reads for problem pages and the problem API; explicit columns, no package blobs in lists.
import "server-only";
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

/** The current version of a problem, or null when it does not exist or the viewer may not see it. */
export async function getProblemForViewer(slug: string, canPreviewUnpublished: boolean) {
  const problem = await db.problem.findUnique({
    where: { slug },
    select: { ...listColumns, id: true, published: true, currentVersion: true },
  });
  if (!problem || (!problem.published && !canPreviewUnpublished)) return null;
  const version = await db.problemVersion.findUnique({
    where: { problemId_version: { problemId: problem.id, version: problem.currentVersion } },
    select: { id: true, version: true, statement: true, starter: true, package: true },
  });
  return version ? { ...problem, version } : null;
}
