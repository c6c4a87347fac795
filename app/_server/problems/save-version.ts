// An admin's save: the package becomes a NEW immutable ProblemVersion and the problem's current version
// moves to it. Older versions stay, so every submission keeps the exact package it was graded against.
// Same content hash as the seed (prisma/seed/problem-sync.ts), so an unchanged save stores nothing.
import "server-only";
import type { ProblemPackage } from "../../../graders/problem-package";
import { packageHash } from "../../../prisma/seed/problem-sync";
import { db } from "../db";

/** create: the slug must be new; update: it must exist; upsert (import): either. */
export type SaveMode = "create" | "update" | "upsert";

export type SaveOutcome =
  | { ok: true; slug: string; status: "created" | "updated" | "unchanged"; version: number }
  | { ok: false; reason: "exists" | "not_found" }
  | { ok: false; reason: "conflict"; currentVersion: number };

/**
 * `baseVersion`: the current version when the editor was opened. If another save moved it since, the save is
 * refused (reason "conflict") rather than silently replacing that newer version; omit it to save anyway.
 */
export async function saveProblemVersion(pkg: ProblemPackage, mode: SaveMode, baseVersion?: number): Promise<SaveOutcome> {
  const { slug, title, track, difficulty } = pkg.config;
  const contentHash = packageHash(pkg);
  // JSON round trip: drops undefined fields (checker), which Prisma's Json input refuses.
  const packageJson = JSON.parse(JSON.stringify(pkg));
  return db.$transaction(async (tx) => {
    const problem = await tx.problem.findUnique({ where: { slug }, select: { id: true, currentVersion: true } });
    if (problem && mode === "create") return { ok: false, reason: "exists" } as const;
    if (!problem && mode === "update") return { ok: false, reason: "not_found" } as const;
    if (problem && baseVersion !== undefined && problem.currentVersion !== baseVersion) {
      return { ok: false, reason: "conflict", currentVersion: problem.currentVersion } as const;
    }
    const latest = problem
      ? await tx.problemVersion.findFirst({ where: { problemId: problem.id }, orderBy: { version: "desc" }, select: { version: true, contentHash: true } })
      : null;
    if (problem && latest?.contentHash === contentHash) {
      await tx.problem.update({ where: { id: problem.id }, data: { currentVersion: latest.version } });
      return { ok: true, slug, status: "unchanged", version: latest.version } as const;
    }
    const version = (latest?.version ?? 0) + 1;
    const versionData = { version, statement: pkg.statement, starter: pkg.starter, package: packageJson, contentHash };
    if (!problem) {
      // A problem written in the browser starts as a draft: candidates see it once an admin publishes it.
      await tx.problem.create({ data: { slug, title, track, difficulty, published: false, currentVersion: version, versions: { create: versionData } } });
      return { ok: true, slug, status: "created", version } as const;
    }
    await tx.problem.update({ where: { id: problem.id }, data: { title, track, difficulty, currentVersion: version, versions: { create: versionData } } });
    return { ok: true, slug, status: "updated", version } as const;
  });
}
