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

/** A solution that computes the right sum after burning ~`cpuMs` of CPU per call: long enough to be killed mid-job. */
export function slowCorrect(cpuMs: number): string {
  return `export async function add(a: number, b: number): Promise<number> {
  const until = Date.now() + ${cpuMs};
  while (Date.now() < until) {}
  return a + b;
}
`;
}
