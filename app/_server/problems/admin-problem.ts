// Reads for the admin's problem pages: one problem with its versions (newest first), and one version's package.
import "server-only";
import { validatePackage, type ProblemPackage } from "../../../graders/problem-package";
import { db } from "../db";

export async function getProblemForEditing(slug: string) {
  const problem = await db.problem.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      track: true,
      difficulty: true,
      published: true,
      currentVersion: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, createdAt: true, _count: { select: { submissions: true } } },
      },
    },
  });
  return problem;
}

/** The package of version `version` (default: the current one), or null when there is no such problem or version. */
export async function getVersionPackage(slug: string, version?: number): Promise<{ id: string; version: number; createdAt: Date; pkg: ProblemPackage } | null> {
  const problem = await db.problem.findUnique({ where: { slug }, select: { id: true, currentVersion: true } });
  if (!problem) return null;
  const row = await db.problemVersion.findUnique({
    where: { problemId_version: { problemId: problem.id, version: version ?? problem.currentVersion } },
    select: { id: true, version: true, createdAt: true, package: true },
  });
  if (!row) return null;
  return { id: row.id, version: row.version, createdAt: row.createdAt, pkg: validatePackage(row.package as unknown as ProblemPackage) };
}
