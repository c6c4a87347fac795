// submit(): validation, limits, and the order "stored, then queued", against a real SQLite file.
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Dispatcher } from "../../app/_server/grading/dispatcher";
import { GradingError } from "../../app/_server/grading/grading-error";
import { submit, type SubmitContext } from "../../app/_server/grading/submit";
import { CORRECT, createQueueDatabase, FIXTURE_SLUG, type QueueDatabase } from "./support/queue-database";

let q: QueueDatabase;
beforeAll(async () => {
  q = await createQueueDatabase(6);
});
afterAll(async () => {
  await q?.close();
});

const config = { GRADING_MAX_CODE_BYTES: 1024, GRADING_MAX_ACTIVE_PER_USER: 3, GRADING_RETRY_AFTER_SECONDS: 7 };

/** Records, at the moment of each enqueue, what the database holds for that submission. */
function recordingDispatcher(seen: { id: string; stored: { status: string } | null }[]): Dispatcher {
  return {
    mode: "embedded",
    start: async () => {},
    close: async () => {},
    enqueue: async (id) => {
      seen.push({ id, stored: await q.db.submission.findUnique({ where: { id }, select: { status: true } }) });
    },
  };
}

function context(dispatcher: Dispatcher): SubmitContext {
  return { db: q.db, dispatcher, config };
}

async function rejection(p: Promise<unknown>): Promise<GradingError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(GradingError);
  return e as GradingError;
}

describe("submit", () => {
  it("stores the submission as queued, against the problem's current version, before enqueuing it", async () => {
    const seen: { id: string; stored: { status: string } | null }[] = [];
    const { id, created } = await submit({ userId: q.users[0], problemSlug: FIXTURE_SLUG, code: CORRECT, kind: "run" }, context(recordingDispatcher(seen)));
    expect(created).toBe(true);
    expect(seen).toEqual([{ id, stored: { status: "queued" } }]);
    const row = await q.db.submission.findUniqueOrThrow({ where: { id }, include: { problem: true, problemVersion: true } });
    expect(row).toMatchObject({ userId: q.users[0], kind: "run", code: CORRECT, status: "queued", attempts: 0 });
    expect(row.problemVersion.version).toBe(row.problem.currentVersion);
  });

  it("writes createdAt in the same text form as Prisma does, so raw and Prisma rows sort together", async () => {
    const { id } = await submit({ userId: q.users[0], problemSlug: FIXTURE_SLUG, code: CORRECT }, context(recordingDispatcher([])));
    const viaPrisma = await q.db.session.create({ data: { tokenHash: `t-${id}`, userId: q.users[0], expiresAt: new Date() } });
    const [raw] = await q.db.$queryRaw<{ ours: string; prismas: string }[]>`
      SELECT (SELECT CAST("createdAt" AS TEXT) FROM "Submission" WHERE "id" = ${id}) AS "ours",
             (SELECT CAST("createdAt" AS TEXT) FROM "Session" WHERE "id" = ${viaPrisma.id}) AS "prismas"`;
    const shape = (text: string) => text.replace(/\d/g, "9");
    expect(shape(raw.ours)).toBe(shape(raw.prismas));
    await q.db.submission.update({ where: { id }, data: { status: "done" } });
  });

  it("keeps the stored submission when enqueuing fails (recovery enqueues it later)", async () => {
    const failing: Dispatcher = { mode: "bullmq", start: async () => {}, close: async () => {}, enqueue: async () => Promise.reject(new Error("redis down")) };
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    const { id } = await submit({ userId: q.users[1], problemSlug: FIXTURE_SLUG, code: CORRECT }, context(failing));
    spy.mockRestore();
    expect(await q.db.submission.findUnique({ where: { id }, select: { status: true } })).toEqual({ status: "queued" });
  });

  it("refuses code over the size limit with a 413-type error that names the limit, and stores nothing", async () => {
    const before = await q.db.submission.count();
    const e = await rejection(submit({ userId: q.users[2], problemSlug: FIXTURE_SLUG, code: "x".repeat(1025) }, context(recordingDispatcher([]))));
    expect(e.code).toBe("CODE_TOO_LARGE");
    expect(e.status).toBe(413);
    expect(e.message).toContain("1024 bytes");
    expect(await q.db.submission.count()).toBe(before);
  });

  it("counts the size in UTF-8 bytes, not characters", async () => {
    const e = await rejection(submit({ userId: q.users[2], problemSlug: FIXTURE_SLUG, code: "é".repeat(600) }, context(recordingDispatcher([]))));
    expect(e.status).toBe(413);
  });

  it("refuses a user's submission past the active limit with a 429-type error and Retry-After seconds", async () => {
    const user = q.users[3];
    const ctx = context(recordingDispatcher([]));
    for (let i = 0; i < 3; i++) await submit({ userId: user, problemSlug: FIXTURE_SLUG, code: CORRECT }, ctx);
    const e = await rejection(submit({ userId: user, problemSlug: FIXTURE_SLUG, code: CORRECT }, ctx));
    expect(e).toMatchObject({ code: "TOO_MANY_ACTIVE_SUBMISSIONS", status: 429, extra: { retryAfterSeconds: 7 } });
    expect(e.message).toContain("limit is 3");
    // Another user is not affected, and a finished submission frees a slot.
    await expect(submit({ userId: q.users[4], problemSlug: FIXTURE_SLUG, code: CORRECT }, ctx)).resolves.toMatchObject({ created: true });
    const oldest = await q.db.submission.findFirstOrThrow({ where: { userId: user }, orderBy: { createdAt: "asc" } });
    await q.db.submission.update({ where: { id: oldest.id }, data: { status: "done" } });
    await expect(submit({ userId: user, problemSlug: FIXTURE_SLUG, code: CORRECT }, ctx)).resolves.toMatchObject({ created: true });
  });

  it("holds the limit when one user's submissions arrive concurrently", async () => {
    const user = q.users[5];
    const ctx = context(recordingDispatcher([]));
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => submit({ userId: user, problemSlug: FIXTURE_SLUG, code: CORRECT }, ctx)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    expect(await q.db.submission.count({ where: { userId: user } })).toBe(3);
  });

  it("returns the earlier submission for a repeated idempotency key instead of storing a second one", async () => {
    const seen: { id: string; stored: { status: string } | null }[] = [];
    const ctx = context(recordingDispatcher(seen));
    const first = await submit({ userId: q.users[4], problemSlug: FIXTURE_SLUG, code: CORRECT, idempotencyKey: "k1" }, ctx);
    const again = await submit({ userId: q.users[4], problemSlug: FIXTURE_SLUG, code: CORRECT, idempotencyKey: "k1" }, ctx);
    expect(again).toEqual({ id: first.id, created: false });
    expect(seen.map((s) => s.id)).toEqual([first.id]);
  });

  it("stores one submission when the same idempotency key arrives twice at once", async () => {
    const ctx = context(recordingDispatcher([]));
    const both = await Promise.all([0, 1].map(() => submit({ userId: q.users[1], problemSlug: FIXTURE_SLUG, code: CORRECT, idempotencyKey: "same" }, ctx)));
    expect(both[0].id).toBe(both[1].id);
    expect(both.map((b) => b.created).sort()).toEqual([false, true]);
  });

  it.each([
    ["an unknown problem", { problemSlug: "no-such-problem" }, "PROBLEM_NOT_FOUND", 404],
    ["empty code", { code: "" }, "INVALID_SUBMISSION", 400],
    ["code that is not a string", { code: 42 }, "INVALID_SUBMISSION", 400],
    ["an unknown kind", { kind: "bench" }, "INVALID_SUBMISSION", 400],
    ["an unknown user", { userId: "nobody" }, "USER_NOT_FOUND", 401],
  ])("refuses %s", async (_label, change, code, status) => {
    const input = { userId: q.users[0], problemSlug: FIXTURE_SLUG, code: CORRECT, ...change } as Parameters<typeof submit>[0];
    const e = await rejection(submit(input, context(recordingDispatcher([]))));
    expect(e).toMatchObject({ code, status });
  });

  it("hides an unpublished problem from candidates", async () => {
    await q.db.problem.update({ where: { slug: FIXTURE_SLUG }, data: { published: false } });
    try {
      const e = await rejection(submit({ userId: q.users[0], problemSlug: FIXTURE_SLUG, code: CORRECT }, context(recordingDispatcher([]))));
      expect(e.status).toBe(404);
    } finally {
      await q.db.problem.update({ where: { slug: FIXTURE_SLUG }, data: { published: true } });
    }
  });
});
