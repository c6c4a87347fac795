// Assessments as functions against a real SQLite database (fresh, migrated file per run): creating an
// invitation, who may open it, Start/Finish and the deadline (enforced in the submit path itself), the
// lazy hand-in at the deadline, the review queue, and that a candidate never reads the review.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { tempDatabase } from "./support/use-temp-database";
import { settleExpired } from "../../app/_server/assessments/assessment-clock";
import { AssessmentError } from "../../app/_server/assessments/assessment-error";
import { listAssessmentsFor, saveReview, viewForReview } from "../../app/_server/assessments/assessment-review";
import { finishAssessment, openInvite, startAssessment, viewOwnAssessment } from "../../app/_server/assessments/candidate-assessments";
import { createAssessment } from "../../app/_server/assessments/create-assessment";
import { reissueInvite } from "../../app/_server/assessments/reissue-invite";
import type { SessionUser } from "../../app/_server/auth/session-user";
import { db } from "../../app/_server/db";
import type { Dispatcher } from "../../app/_server/grading/dispatcher";
import { GradingError } from "../../app/_server/grading/grading-error";
import { submit } from "../../app/_server/grading/submit";
import { listReviewQueue } from "../../app/_server/queries/review-queue";
import { fixturePackage, FIXTURE_SLUG, CORRECT } from "../queue/support/queue-database";
import { syncPackage } from "../../prisma/seed/problem-sync";

const OTHER_SLUG = "assess-other";
const MINUTE = 60_000;

const enqueued: string[] = [];
const dispatcher: Dispatcher = { mode: "embedded", start: async () => {}, enqueue: async (id) => void enqueued.push(id), close: async () => {} };
const ctx = { db, dispatcher, config: { GRADING_MAX_CODE_BYTES: 65_536, GRADING_MAX_ACTIVE_PER_USER: 50, GRADING_RETRY_AFTER_SECONDS: 5 } };

let interviewer: SessionUser;
let otherInterviewer: SessionUser;
let admin: SessionUser;
let candidate: SessionUser;
let otherCandidate: SessionUser;

async function user(email: string, role: SessionUser["role"]): Promise<SessionUser> {
  return db.user.create({ data: { email, name: email.split("@")[0], passwordHash: "-", role }, select: { id: true, email: true, name: true, role: true } });
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<AssessmentError | GradingError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AssessmentError || e instanceof GradingError) return e;
    throw e;
  }
  throw new Error("expected a refusal, got success");
}

const tokenOf = (invitePath: string) => invitePath.split("/").pop()!;

async function newAssessment(overrides: Record<string, unknown> = {}) {
  return createAssessment(db, interviewer, { title: "Backend loop", problems: [FIXTURE_SLUG], timeLimitMinutes: 60, candidateEmail: candidate.email, ...overrides });
}

beforeAll(async () => {
  await syncPackage(db, fixturePackage);
  await syncPackage(db, { ...fixturePackage, config: { ...fixturePackage.config, slug: OTHER_SLUG, title: "Other problem" } });
  interviewer = await user("ivy@assess.test", "interviewer");
  otherInterviewer = await user("oscar@assess.test", "interviewer");
  admin = await user("ada@assess.test", "admin");
  candidate = await user("cam@assess.test", "candidate");
  otherCandidate = await user("olga@assess.test", "candidate");
});

afterAll(async () => {
  await db.$disconnect();
  tempDatabase.remove();
});

describe("creating an assessment", () => {
  it("should link an existing candidate, pin the problem's current version and store only the invite token's hash", async () => {
    const created = await newAssessment({ candidateEmail: " CAM@assess.test " });
    expect(created.candidateHasAccount).toBe(true);
    expect(created.invitePath).toMatch(/^\/assessments\/invite\/[A-Za-z0-9_-]{43}$/);
    const row = await db.assessment.findUniqueOrThrow({ where: { id: created.id }, include: { problems: true } });
    expect(row).toMatchObject({ candidateId: candidate.id, candidateEmail: "cam@assess.test", interviewerId: interviewer.id, status: "invited", timeLimitMinutes: 60 });
    expect(row.inviteTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(tokenOf(created.invitePath));
    const problem = await db.problem.findUniqueOrThrow({ where: { slug: FIXTURE_SLUG }, include: { versions: true } });
    expect(row.problems).toEqual([expect.objectContaining({ problemId: problem.id, problemVersionId: problem.versions[0].id, position: 0 })]);
  });

  it.each([
    ["no problem", { problems: [] }, "problems", /at least one problem/],
    ["an unknown problem", { problems: ["no-such-problem"] }, "problems", /Not a published problem: no-such-problem/],
    ["a zero time limit", { timeLimitMinutes: 0 }, "timeLimitMinutes", /at least 1 minute/],
    ["a bad email", { candidateEmail: "not-an-email" }, "candidateEmail", /valid email/],
    ["an interviewer's email", { candidateEmail: "oscar@assess.test" }, "candidateEmail", /interviewer account, not a candidate/],
    ["an empty title", { title: "  " }, "title", /title/],
  ])("should refuse %s with 400 and a message on that field", async (_label, input, field, message) => {
    const e = await failure(newAssessment(input));
    expect(e).toMatchObject({ status: 400, code: "INVALID_INPUT" });
    expect((e as AssessmentError).fieldErrors?.[field]?.join(" ")).toMatch(message);
  });
});

describe("the invite link", () => {
  it("should wait for an email without an account, and go to whoever signs up with it and opens the link", async () => {
    const created = await newAssessment({ candidateEmail: "newbie@assess.test" });
    expect(created.candidateHasAccount).toBe(false);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: created.id } })).candidateId).toBeNull();
    // Another candidate with the link, before and after the invitee signs up: 404 both times.
    expect(await failure(openInvite(db, otherCandidate, tokenOf(created.invitePath)))).toMatchObject({ status: 404 });
    const newbie = await user("newbie@assess.test", "candidate");
    expect(await failure(openInvite(db, otherCandidate, tokenOf(created.invitePath)))).toMatchObject({ status: 404 });
    expect(await openInvite(db, newbie, tokenOf(created.invitePath))).toEqual({ id: created.id });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: created.id } })).candidateId).toBe(newbie.id);
    expect(await openInvite(db, newbie, tokenOf(created.invitePath))).toEqual({ id: created.id });
  });

  it("should answer 404 to another candidate, an interviewer and a wrong token, and let them neither read nor start it", async () => {
    const created = await newAssessment();
    const token = tokenOf(created.invitePath);
    expect(await openInvite(db, candidate, token)).toEqual({ id: created.id });
    for (const who of [otherCandidate, otherInterviewer, admin]) {
      expect(await failure(openInvite(db, who, token))).toMatchObject({ status: 404, code: "ASSESSMENT_NOT_FOUND" });
    }
    expect(await failure(openInvite(db, candidate, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")))).toMatchObject({ status: 404 });
    expect(await failure(viewOwnAssessment(db, otherCandidate, created.id))).toMatchObject({ status: 404 });
    expect(await failure(startAssessment(db, otherCandidate, created.id))).toMatchObject({ status: 404 });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("invited");
  });
});

describe("a new invite link", () => {
  it("should replace the old link until the candidate starts, for the assessment's interviewer only", async () => {
    const created = await newAssessment();
    expect(await failure(reissueInvite(db, otherInterviewer, created.id))).toMatchObject({ status: 404 });
    expect(await failure(reissueInvite(db, candidate, created.id))).toMatchObject({ status: 404 });
    const { invitePath } = await reissueInvite(db, interviewer, created.id);
    expect(invitePath).not.toBe(created.invitePath);
    expect(await failure(openInvite(db, candidate, tokenOf(created.invitePath)))).toMatchObject({ status: 404 });
    expect(await openInvite(db, candidate, tokenOf(invitePath))).toEqual({ id: created.id });
    await startAssessment(db, candidate, created.id);
    expect(await failure(reissueInvite(db, interviewer, created.id))).toMatchObject({ status: 409, code: "ASSESSMENT_ALREADY_STARTED" });
    expect(await openInvite(db, candidate, tokenOf(invitePath))).toEqual({ id: created.id });
  });
});

describe("submitting inside an assessment", () => {
  it("should refuse before Start, accept while open (tagged, pinned version), and refuse after Finish", async () => {
    const { id } = await newAssessment();
    const send = () => submit({ userId: candidate.id, problemSlug: FIXTURE_SLUG, code: CORRECT, assessmentId: id }, ctx);
    expect(await failure(send())).toMatchObject({ status: 409, code: "assessment_not_started" });

    const before = Date.now();
    await startAssessment(db, candidate, id);
    const started = await db.assessment.findUniqueOrThrow({ where: { id } });
    expect(started.status).toBe("in_progress");
    expect(started.startedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(started.deadline!.getTime() - started.startedAt!.getTime()).toBe(60 * MINUTE);
    await startAssessment(db, candidate, id); // again: the clock does not restart
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).deadline).toEqual(started.deadline);

    const { id: submissionId, created } = await send();
    expect(created).toBe(true);
    expect(enqueued).toContain(submissionId);
    const pinned = await db.assessmentProblem.findFirstOrThrow({ where: { assessmentId: id } });
    expect(await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ assessmentId: id, problemVersionId: pinned.problemVersionId, userId: candidate.id });

    await finishAssessment(db, candidate, id);
    expect(await db.assessment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "submitted", submittedAt: expect.any(Date) });
    expect(await failure(send())).toMatchObject({ status: 409, code: "assessment_handed_in" });
    expect(await db.submission.count({ where: { assessmentId: id } })).toBe(1);
  });

  it("should refuse a submission after the deadline with 403 assessment_deadline_passed, storing nothing", async () => {
    const { id } = await newAssessment({ timeLimitMinutes: 30 });
    await startAssessment(db, candidate, id, new Date(Date.now() - 31 * MINUTE));
    const e = await failure(submit({ userId: candidate.id, problemSlug: FIXTURE_SLUG, code: CORRECT, kind: "run", assessmentId: id }, ctx));
    expect(e).toMatchObject({ status: 403, code: "assessment_deadline_passed" });
    expect(e.message).toMatch(/time is up/);
    expect(await db.submission.count({ where: { assessmentId: id } })).toBe(0);
  });

  it("should refuse another candidate's assessment (404) and a problem that is not part of it", async () => {
    const { id } = await newAssessment();
    await startAssessment(db, candidate, id);
    expect(await failure(submit({ userId: otherCandidate.id, problemSlug: FIXTURE_SLUG, code: CORRECT, assessmentId: id }, ctx))).toMatchObject({ status: 404, code: "ASSESSMENT_NOT_FOUND" });
    expect(await failure(submit({ userId: candidate.id, problemSlug: OTHER_SLUG, code: CORRECT, assessmentId: id }, ctx))).toMatchObject({ status: 404, code: "PROBLEM_NOT_IN_ASSESSMENT" });
    expect(await db.submission.count({ where: { assessmentId: id } })).toBe(0);
  });
});

describe("the deadline on read", () => {
  it("should count an assessment whose time ran out as handed in at its deadline, in every list", async () => {
    const { id } = await newAssessment({ title: "Ran out", timeLimitMinutes: 10 });
    const startedAt = new Date(Date.now() - 11 * MINUTE);
    await startAssessment(db, candidate, id, startedAt);
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress");

    expect((await viewOwnAssessment(db, candidate, id)).state).toBe("deadline_passed");
    const row = await db.assessment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("submitted");
    expect(row.submittedAt).toEqual(new Date(startedAt.getTime() + 10 * MINUTE));
    expect((await listReviewQueue(interviewer)).map((a) => a.id)).toContain(id);
    expect((await listAssessmentsFor(db, interviewer)).find((a) => a.id === id)?.state).toBe("deadline_passed");
    // A Finish after the deadline changes nothing: it was handed in at the deadline.
    await finishAssessment(db, candidate, id);
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).submittedAt).toEqual(row.submittedAt);
  });

  it("should leave an assessment with time left alone", async () => {
    const { id } = await newAssessment();
    await startAssessment(db, candidate, id);
    await settleExpired(db, { id });
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress");
  });
});

describe("reviewing", () => {
  let id: string;
  const NOTES = "Strong on the event loop; missed the rejection path. PRIVATE-NOTE-7f3";

  beforeAll(async () => {
    ({ id } = await newAssessment({ title: "To review", problems: [FIXTURE_SLUG, OTHER_SLUG] }));
    await startAssessment(db, candidate, id);
    await submit({ userId: candidate.id, problemSlug: FIXTURE_SLUG, code: "export const first = 1;", assessmentId: id }, ctx);
    await submit({ userId: candidate.id, problemSlug: FIXTURE_SLUG, code: CORRECT, assessmentId: id }, ctx);
  });

  it("should not open the review before the candidate hands in", async () => {
    expect(await failure(saveReview(db, interviewer, id, { notes: "early", decision: "pending", scores: {} }))).toMatchObject({ status: 409, code: "ASSESSMENT_NOT_HANDED_IN" });
  });

  it("should list the handed-in assessment in its interviewer's queue and an admin's, not another interviewer's", async () => {
    await finishAssessment(db, candidate, id);
    expect((await listReviewQueue(interviewer)).map((a) => a.id)).toContain(id);
    expect((await listReviewQueue(admin)).map((a) => a.id)).toContain(id);
    expect((await listReviewQueue(otherInterviewer)).map((a) => a.id)).not.toContain(id);
    expect(await failure(viewForReview(db, otherInterviewer, id))).toMatchObject({ status: 404 });
  });

  it("should show the reviewer each problem's last submission with its code", async () => {
    const view = await viewForReview(db, interviewer, id);
    expect(view.problems.map((p) => [p.problem.slug, p.submissionCount, p.lastSubmission?.code ?? null])).toEqual([
      [FIXTURE_SLUG, 2, CORRECT],
      [OTHER_SLUG, 0, null],
    ]);
  });

  it("should refuse a decision before every problem is scored, and scores outside 1..5", async () => {
    const e = await failure(saveReview(db, interviewer, id, { notes: NOTES, decision: "advance", scores: { [FIXTURE_SLUG]: 4 } }));
    expect((e as AssessmentError).fieldErrors?.scores?.join(" ")).toMatch(/Score every problem/);
    const bad = await failure(saveReview(db, interviewer, id, { notes: NOTES, decision: "advance", scores: { [FIXTURE_SLUG]: 6, [OTHER_SLUG]: 1 } }));
    expect(bad).toMatchObject({ status: 400, code: "INVALID_INPUT" });
    expect(await db.review.count({ where: { assessmentId: id } })).toBe(0);
  });

  it("should store notes, per-problem scores and the decision, and take the assessment out of the queue", async () => {
    await saveReview(db, interviewer, id, { notes: NOTES, decision: "advance", scores: { [FIXTURE_SLUG]: 4, [OTHER_SLUG]: 1 } });
    const review = await db.review.findUniqueOrThrow({ where: { assessmentId: id } });
    expect(review).toMatchObject({ notes: NOTES, decision: "advance", rubric: { scores: { [FIXTURE_SLUG]: 4, [OTHER_SLUG]: 1 } }, rubricScore: 3, reviewerId: interviewer.id });
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("reviewed");
    expect((await listReviewQueue(interviewer)).map((a) => a.id)).not.toContain(id);
    expect((await viewForReview(db, interviewer, id)).review).toMatchObject({ notes: NOTES, decision: "advance", rubric: { scores: { [FIXTURE_SLUG]: 4 } } });
  });

  it("should never give the candidate the notes, scores or decision", async () => {
    const own = await viewOwnAssessment(db, candidate, id);
    const json = JSON.stringify(own);
    expect(own.state).toBe("handed_in");
    expect(json).not.toContain("PRIVATE-NOTE-7f3");
    expect(json).not.toMatch(/advance|rubric|decision|notes/i);
    expect(await failure(viewForReview(db, candidate, id))).toMatchObject({ status: 404 });
    expect(await failure(saveReview(db, candidate, id, { notes: "mine now", decision: "reject", scores: {} }))).toMatchObject({ status: 404 });
    expect((await db.review.findUniqueOrThrow({ where: { assessmentId: id } })).notes).toBe(NOTES);
  });
});
