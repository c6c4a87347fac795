// Stores a queued submission only if its user is under the active limit, in ONE statement
// (INSERT ... SELECT ... WHERE count < limit). SQLite runs a statement atomically, so concurrent posts of
// one user cannot both slip under the limit, in this process or another, and nothing else is serialized:
// an interactive transaction per post made a burst of 1,000 posts take over a minute here (every
// transaction waits for the one before it across event-loop turns), this takes a few seconds.
import { randomBytes } from "node:crypto";
import type { Db } from "./submission-store";

export interface NewSubmission {
  userId: string;
  problemId: string;
  problemVersionId: string;
  kind: "run" | "submit";
  code: string;
  idempotencyKey?: string;
  assessmentId?: string;
}

let counter = 0;

/** Time-ordered ids (like the cuids Prisma makes elsewhere): ties on createdAt still sort in arrival order. */
export function newSubmissionId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  return `s${now.toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

/** The text form the Prisma SQLite adapter writes for DateTime, so raw rows sort and compare with the rest. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** The new id, or null when the user already has `limit` queued or running submissions. */
export async function insertUnderLimit(db: Db, s: NewSubmission, limit: number): Promise<string | null> {
  const id = newSubmissionId();
  const inserted = await db.$executeRaw`
    INSERT INTO "Submission" ("id", "userId", "problemId", "problemVersionId", "kind", "code", "status", "idempotencyKey", "assessmentId", "attempts", "createdAt")
    SELECT ${id}, ${s.userId}, ${s.problemId}, ${s.problemVersionId}, ${s.kind}, ${s.code}, 'queued', ${s.idempotencyKey ?? null}, ${s.assessmentId ?? null}, 0, ${sqliteTimestamp(new Date())}
    WHERE (SELECT COUNT(*) FROM "Submission" WHERE "userId" = ${s.userId} AND "status" IN ('queued', 'running')) < ${limit}`;
  return inserted === 1 ? id : null;
}
