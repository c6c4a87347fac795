// The submission's state machine in the database, the source of truth of the pipeline:
//
//   queued --claim/started--> running --result (same token)--> done | failed
//      ^                         |
//      +---- lease expired / job lost (reconciler) ----+
//
// Every transition is a compare-and-set (an UPDATE whose WHERE names the state it expects), so two
// dispatchers, a late grader or a duplicate message can never both win: a result is written only by the
// holder of the current lease token, and only once (a written result leaves the running state).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { Report } from "../../../graders/report";

/** The database as the pipeline uses it (the app's client or a script's). */
export type Db = PrismaClient;

export interface Claim {
  submissionId: string;
  leaseId: string;
  attempt: number;
}

/** Embedded dispatcher: queued -> running under a new lease. Null when another dispatcher got there first. */
export async function claim(db: Db, submissionId: string, leaseMs: number, now = new Date()): Promise<Claim | null> {
  const leaseId = randomUUID();
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: "queued" },
    data: { status: "running", leaseId, leaseUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 }, startedAt: now },
  });
  if (count === 0) return null;
  const { attempts } = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { attempts: true } });
  return { submissionId, leaseId, attempt: attempts };
}

/** Extends a live lease. False when the lease was lost (expired and taken over): stop caring about the job. */
export async function renewLease(db: Db, lease: Claim, leaseMs: number): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: lease.submissionId, status: "running", leaseId: lease.leaseId },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return count === 1;
}

/** BullMQ: a worker started an attempt. The newest attempt takes the token over; a finished submission stays finished. */
export async function markStarted(db: Db, submissionId: string, token: string): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: { in: ["queued", "running"] } },
    data: { status: "running", leaseId: token, leaseUntil: null, attempts: { increment: 1 }, startedAt: new Date() },
  });
  return count === 1;
}

/**
 * The one place a verdict is stored. Accepted only while the submission is running under `leaseId`:
 * a stale attempt (lease expired and re-claimed, a job graded twice after a crash) is refused, and so is
 * any second result, because the first one moved the submission out of "running".
 * internal_error means the grader failed (the pool already retried once): status "failed", report kept.
 */
export async function writeResult(db: Db, submissionId: string, leaseId: string, report: Report): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: "running", leaseId },
    data: {
      status: report.verdict === "internal_error" ? "failed" : "done",
      verdict: report.verdict,
      score: report.score,
      report: JSON.parse(JSON.stringify(report)),
      finishedAt: new Date(),
      leaseUntil: null,
    },
  });
  return count === 1;
}

/** Gives up on a submission that cannot be graded (bad package, attempts exhausted) without a report. */
export async function markFailed(db: Db, submissionId: string, why: string, expectedLeaseId?: string | null): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: { in: ["queued", "running"] }, ...(expectedLeaseId !== undefined ? { leaseId: expectedLeaseId } : {}) },
    data: { status: "failed", verdict: "internal_error", score: 0, report: { failure: why }, finishedAt: new Date(), leaseUntil: null },
  });
  return count === 1;
}

/**
 * Embedded dispatcher: running submissions whose lease ran out (the app died or hung) go back to the queue,
 * or to "failed" once they have used every attempt. A lease of null is a BullMQ-mode claim left behind by a
 * switch of mode: no embedded process will ever renew it, so it counts as expired.
 */
export async function recoverExpiredLeases(db: Db, maxAttempts: number, now = new Date()): Promise<{ requeued: number; failed: number }> {
  const expired = { status: "running" as const, OR: [{ leaseUntil: { lt: now } }, { leaseUntil: null }] };
  const failed = await db.submission.updateMany({
    where: { ...expired, attempts: { gte: maxAttempts } },
    data: { status: "failed", verdict: "internal_error", score: 0, report: { failure: `grading was interrupted ${maxAttempts} times` }, finishedAt: now, leaseId: null, leaseUntil: null },
  });
  const requeued = await db.submission.updateMany({ where: expired, data: { status: "queued", leaseId: null, leaseUntil: null } });
  return { requeued: requeued.count, failed: failed.count };
}

/** BullMQ reconciler: the job of a queued/running submission is gone; back to queued (its old token is void). */
export async function requeueLost(db: Db, submissionId: string, expectedLeaseId: string | null): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, status: { in: ["queued", "running"] }, leaseId: expectedLeaseId },
    data: { status: "queued", leaseId: null, leaseUntil: null },
  });
  return count === 1;
}
