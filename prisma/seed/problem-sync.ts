// Loads problems/<slug>/ packages into the database. A package becomes a new ProblemVersion only when
// its content is new (not any stored version's), so submissions keep pointing at the exact version they were graded against.
// A broken package is skipped with a warning: one bad folder must not stop the install or the others.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadPackage, type ProblemPackage } from "../../graders/problem-package";

export type SyncOutcome =
  | { slug: string; status: "created" | "updated"; version: number }
  | { slug: string; status: "unchanged"; version: number }
  | { slug: string; status: "skipped"; reason: string };

/** Same idea as loadAllPackages, but one broken package does not hide the others. */
export function loadPackagesLeniently(root: string): (ProblemPackage | { slug: string; error: string })[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "problem.json")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      try {
        return loadPackage(join(root, name));
      } catch (e) {
        return { slug: name, error: (e as Error).message };
      }
    });
}

/** Canonical JSON (object keys sorted) so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function packageHash(pkg: ProblemPackage): string {
  return createHash("sha256").update(canonical(pkg)).digest("hex");
}

export async function syncPackage(db: PrismaClient, pkg: ProblemPackage): Promise<SyncOutcome> {
  const { slug, title, track, difficulty } = pkg.config;
  const contentHash = packageHash(pkg);
  // JSON round trip: drops undefined fields, which Prisma's Json input refuses.
  const packageJson = JSON.parse(JSON.stringify(pkg));
  return db.$transaction(async (tx) => {
    const problem = await tx.problem.findUnique({ where: { slug }, select: { id: true } });
    const latest = problem
      ? await tx.problemVersion.findFirst({ where: { problemId: problem.id }, orderBy: { version: "desc" }, select: { version: true, contentHash: true } })
      : null;
    if (problem && latest?.contentHash === contentHash) return { slug, status: "unchanged", version: latest.version } as const;
    // The folder holds a version the database already has, but an admin saved a newer one in the browser
    // (app/_server/problems/save-version.ts): the folder is not newer, and re-adding it would undo their edit.
    if (problem && latest && (await tx.problemVersion.findFirst({ where: { problemId: problem.id, contentHash }, select: { id: true } }))) {
      return { slug, status: "unchanged", version: latest.version } as const;
    }
    const version = (latest?.version ?? 0) + 1;
    const versionData = { version, statement: pkg.statement, starter: pkg.starter, package: packageJson, contentHash };
    if (!problem) {
      await tx.problem.create({ data: { slug, title, track, difficulty, currentVersion: version, versions: { create: versionData } } });
      return { slug, status: "created", version } as const;
    }
    // The published flag is the admins' decision: a new version does not change it.
    await tx.problem.update({ where: { id: problem.id }, data: { title, track, difficulty, currentVersion: version, versions: { create: versionData } } });
    return { slug, status: "updated", version } as const;
  });
}

export async function syncProblems(db: PrismaClient, root: string): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const item of loadPackagesLeniently(root)) {
    if ("error" in item) outcomes.push({ slug: item.slug, status: "skipped", reason: item.error });
    else outcomes.push(await syncPackage(db, item));
  }
  return outcomes;
}
