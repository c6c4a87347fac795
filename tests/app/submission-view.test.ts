// What a candidate may read of their own report through GET /api/submissions/:id: hidden tests by name and
// verdict only; an interviewer sees everything. Real SQLite file, real rows.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createQueueDatabase, FIXTURE_SLUG, type QueueDatabase } from "../queue/support/queue-database";
import { viewSubmission } from "../../app/_server/grading/submission-view";

const hiddenTest = {
  name: "one hour", passed: true, verdict: "accepted", message: "Passed.", hidden: true, sample: false,
  checks: [{ check: "result", passed: true, verdict: "wrong_answer", message: "ok", figures: { expectedMs: 3_600_000 } }],
  metrics: { virtualMs: 3_600_004.6 }, timeline: { lanes: [], marks: [] }, seed: 7, output: "secret",
};
const sampleTest = { ...hiddenTest, name: "sample", hidden: false, sample: true };
const report = { version: 1, problem: { slug: FIXTURE_SLUG, version: 1 }, verdict: "accepted", score: 100, summary: "All passed.", tests: [sampleTest, hiddenTest], metrics: { totalMs: 1, testsRun: 2, testsPassed: 2 }, seed: 1 };

let q: QueueDatabase;
let id: string;
let interviewerId: string;
beforeAll(async () => {
  q = await createQueueDatabase(1);
  const problem = await q.db.problem.findFirstOrThrow({ where: { slug: FIXTURE_SLUG }, include: { versions: true } });
  const sub = await q.db.submission.create({
    data: { userId: q.users[0], problemId: problem.id, problemVersionId: problem.versions[0].id, code: "x", kind: "submit", status: "done", verdict: "accepted", score: 100, report: report as never },
    select: { id: true },
  });
  id = sub.id;
  interviewerId = (await q.db.user.create({ data: { email: "i@view.test", name: "I", passwordHash: "-", role: "interviewer" }, select: { id: true } })).id;
});
afterAll(() => q.close());

describe("viewSubmission", () => {
  it("drops a hidden test's figures, metrics, timeline, seed and output for its candidate", async () => {
    const view = await viewSubmission(q.db as never, { id: q.users[0], role: "candidate" } as never, id);
    const tests = (view.report as { tests: Record<string, unknown>[] }).tests;
    expect(tests[1]).toEqual({ name: "one hour", passed: true, verdict: "accepted", message: "Passed.", hidden: true, sample: false });
    expect(tests[0].metrics).toEqual({ virtualMs: 3_600_004.6 });
  });
  it("shows an interviewer the whole report", async () => {
    const view = await viewSubmission(q.db as never, { id: interviewerId, role: "interviewer" } as never, id);
    expect((view.report as { tests: Record<string, unknown>[] }).tests[1].seed).toBe(7);
  });
});
