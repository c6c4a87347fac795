// A fresh, migrated SQLite file per test file, with the queue fixture problem and some candidates in it.
import path from "node:path";
import type { PrismaClient } from "../../../generated/prisma/client";
import { loadPackage } from "../../../graders/problem-package";
import { scriptClient } from "../../../prisma/seed/client";
import { syncPackage } from "../../../prisma/seed/problem-sync";
import { createTempDatabase } from "../../app/support/temp-database";

export const FIXTURE_PACKAGE_DIR = path.resolve(__dirname, "..", "..", "fixtures", "queue", "packages", "add");
export const FIXTURE_SLUG = "queue-add";
export const fixturePackage = loadPackage(FIXTURE_PACKAGE_DIR);
export const CORRECT = fixturePackage.solutions["reference.ts"];
/** Same problem, but each test spends about a second of CPU in the driver: jobs long enough to kill mid-way. */
export const SLOW_SLUG = "queue-slow-add";
export const slowPackage = loadPackage(path.resolve(FIXTURE_PACKAGE_DIR, "..", "slow-add"));
export const WRONG = fixturePackage.wrong["subtracts.ts"].source;

export interface QueueDatabase {
  url: string;
  db: PrismaClient;
  /** Candidate ids, in creation order. */
  users: string[];
  close(): Promise<void>;
}

export async function createQueueDatabase(candidates: number): Promise<QueueDatabase> {
  const temp = createTempDatabase();
  const db = scriptClient(temp.url);
  await syncPackage(db, fixturePackage);
  await syncPackage(db, slowPackage);
  const users: string[] = [];
  for (let i = 0; i < candidates; i++) {
    const u = await db.user.create({ data: { email: `c${i}@queue.test`, name: `Candidate ${i}`, passwordHash: "-", role: "candidate" }, select: { id: true } });
    users.push(u.id);
  }
  return {
    url: temp.url,
    db,
    users,
    close: async () => {
      await db.$disconnect();
      temp.remove();
    },
  };
}

/** Polls until `check` returns true; fails with `what` after timeoutMs. Not a timing assertion: a deadline. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
}

export async function allFinished(db: PrismaClient, ids: string[]): Promise<boolean> {
  return (await db.submission.count({ where: { id: { in: ids }, status: { in: ["done", "failed"] } } })) === ids.length;
}

/** Submissions stored directly as queued (what submit() leaves behind), in order, a millisecond apart. */
export async function storeQueued(q: QueueDatabase, entries: { user: number; code?: string; slug?: string }[]): Promise<string[]> {
  const ids: string[] = [];
  for (const e of entries) {
    const problem = await q.db.problem.findUniqueOrThrow({ where: { slug: e.slug ?? FIXTURE_SLUG }, select: { id: true, currentVersion: true } });
    const version = await q.db.problemVersion.findUniqueOrThrow({ where: { problemId_version: { problemId: problem.id, version: problem.currentVersion } }, select: { id: true } });
    const row = await q.db.submission.create({ data: { userId: q.users[e.user], problemId: problem.id, problemVersionId: version.id, code: e.code ?? CORRECT }, select: { id: true } });
    ids.push(row.id);
    await new Promise((r) => setTimeout(r, 2));
  }
  return ids;
}
