// The compare-and-set transitions that make a result single: a stale attempt or a second result is refused.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { applyResultMessage } from "../../app/_server/grading/result-messages";
import { claim, recoverExpiredLeases, renewLease, writeResult } from "../../app/_server/grading/submission-store";
import type { Report } from "../../graders/report";
import { createQueueDatabase, FIXTURE_SLUG, type QueueDatabase } from "./support/queue-database";

let q: QueueDatabase;
beforeAll(async () => {
  q = await createQueueDatabase(1);
});
afterAll(async () => {
  await q?.close();
});

async function queuedSubmission(): Promise<string> {
  const problem = await q.db.problem.findUniqueOrThrow({ where: { slug: FIXTURE_SLUG }, include: { versions: true } });
  const row = await q.db.submission.create({ data: { userId: q.users[0], problemId: problem.id, problemVersionId: problem.versions[0].id, code: "x" } });
  return row.id;
}

function report(verdict: Report["verdict"], score: number): Report {
  return { version: 1, problem: { slug: FIXTURE_SLUG, version: 1 }, verdict, score, summary: verdict, tests: [], metrics: {} } as unknown as Report;
}

const row = (id: string) => q.db.submission.findUniqueOrThrow({ where: { id }, select: { status: true, verdict: true, score: true, attempts: true, leaseId: true } });

describe("result writes", () => {
  it("accepts the result of the current lease once, and refuses a second result for it", async () => {
    const id = await queuedSubmission();
    const lease = await claim(q.db, id, 60_000);
    expect(lease).toMatchObject({ submissionId: id, attempt: 1 });
    expect(await claim(q.db, id, 60_000)).toBeNull(); // already running: a second dispatcher cannot claim it
    expect(await writeResult(q.db, id, lease!.leaseId, report("accepted", 100))).toBe(true);
    expect(await writeResult(q.db, id, lease!.leaseId, report("wrong_answer", 0))).toBe(false);
    expect(await row(id)).toMatchObject({ status: "done", verdict: "accepted", score: 100 });
  });

  it("refuses the result of a stale attempt whose expired lease was re-claimed, and keeps the new attempt's", async () => {
    const id = await queuedSubmission();
    const first = await claim(q.db, id, 1, new Date(Date.now() - 10_000)); // a lease that ran out long ago
    expect(await recoverExpiredLeases(q.db, 3)).toMatchObject({ requeued: 1 });
    expect(await renewLease(q.db, first!, 60_000)).toBe(false); // the old holder learns it lost the lease
    const second = await claim(q.db, id, 60_000);
    expect(second!.attempt).toBe(2);
    expect(await writeResult(q.db, id, first!.leaseId, report("wrong_answer", 0))).toBe(false);
    expect(await writeResult(q.db, id, second!.leaseId, report("accepted", 100))).toBe(true);
    expect(await row(id)).toMatchObject({ status: "done", verdict: "accepted", attempts: 2 });
  });

  it("marks a submission failed once it has used every attempt", async () => {
    const id = await queuedSubmission();
    for (let i = 0; i < 2; i++) {
      await claim(q.db, id, 1, new Date(Date.now() - 10_000));
      await recoverExpiredLeases(q.db, 2);
    }
    expect(await row(id)).toMatchObject({ status: "failed", verdict: "internal_error", attempts: 2 });
  });

  it("stores an internal_error report as failed (the grader's fault, not a verdict on the code)", async () => {
    const id = await queuedSubmission();
    const lease = await claim(q.db, id, 60_000);
    expect(await writeResult(q.db, id, lease!.leaseId, report("internal_error", 0))).toBe(true);
    expect(await row(id)).toMatchObject({ status: "failed", verdict: "internal_error" });
  });
});

describe("BullMQ result messages", () => {
  it("keeps only the result of the attempt that started last, whatever order the results arrive in", async () => {
    const id = await queuedSubmission();
    await applyResultMessage(q.db, { type: "started", submissionId: id, token: "a", worker: "w1" });
    await applyResultMessage(q.db, { type: "started", submissionId: id, token: "b", worker: "w2" }); // w1 stalled, job retried
    expect(await applyResultMessage(q.db, { type: "finished", submissionId: id, token: "a", report: report("wrong_answer", 0) })).toBe(false);
    expect(await applyResultMessage(q.db, { type: "finished", submissionId: id, token: "b", report: report("accepted", 100) })).toBe(true);
    expect(await row(id)).toMatchObject({ status: "done", verdict: "accepted", attempts: 2 });
  });

  it("ignores a late start and a duplicate finish after the result is stored", async () => {
    const id = await queuedSubmission();
    await applyResultMessage(q.db, { type: "started", submissionId: id, token: "a", worker: "w1" });
    expect(await applyResultMessage(q.db, { type: "finished", submissionId: id, token: "a", report: report("accepted", 100) })).toBe(true);
    expect(await applyResultMessage(q.db, { type: "started", submissionId: id, token: "b", worker: "w2" })).toBe(false);
    expect(await applyResultMessage(q.db, { type: "finished", submissionId: id, token: "b", report: report("wrong_answer", 0) })).toBe(false);
    expect(await applyResultMessage(q.db, { type: "finished", submissionId: id, token: "a", report: report("wrong_answer", 0) })).toBe(false);
    expect(await row(id)).toMatchObject({ status: "done", verdict: "accepted", score: 100, leaseId: "a" });
  });
});
