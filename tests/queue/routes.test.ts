// The submission routes as HTTP: statuses, bodies and headers for each role, against a real SQLite file.
// BullMQ mode on a queue no worker serves, so submissions stay queued and the limits are deterministic.
import { tempDatabase } from "../app/support/use-temp-database";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { NextRequest } from "next/server";
import { createApiToken } from "../../app/_server/auth/api-tokens";
import { createSession } from "../../app/_server/auth/sessions";
import { SESSION_COOKIE } from "../../app/_server/auth/session-cookie";
import { db } from "../../app/_server/db";
import { stopGrading } from "../../app/_server/grading/grading-service";
import { POST } from "../../app/api/submissions/route";
import { GET } from "../../app/api/submissions/[id]/route";
import { syncPackage } from "../../prisma/seed/problem-sync";
import { CORRECT, FIXTURE_SLUG, fixturePackage } from "./support/queue-database";
import { REDIS_URL, uniqueQueueName, wipeQueueKeys } from "./support/redis-keys";

jest.mock("server-only", () => ({}));

const queueName = uniqueQueueName("routes");
Object.assign(process.env, { REDIS_URL, GRADER_QUEUE: queueName, GRADING_MAX_CODE_BYTES: "2048", GRADING_MAX_ACTIVE_PER_USER: "3", GRADING_RETRY_AFTER_SECONDS: "9" });

type Role = "candidate" | "interviewer" | "admin";
const cookies: Record<string, string> = {};
let ownerToken = "";

beforeAll(async () => {
  await syncPackage(db, fixturePackage);
  for (const [name, role] of [["owner", "candidate"], ["other", "candidate"], ["limited", "candidate"], ["interviewer", "interviewer"], ["admin", "admin"]] as [string, Role][]) {
    const user = await db.user.create({ data: { email: `${name}@routes.test`, name, passwordHash: "-", role } });
    cookies[name] = (await createSession(user.id)).token;
    if (name === "owner") ownerToken = await createApiToken(user.id, "ci");
  }
});
afterAll(async () => {
  await stopGrading();
  await wipeQueueKeys(queueName);
  await db.$disconnect();
  tempDatabase.remove();
});

interface Call {
  as?: string;
  body?: string | object;
  headers?: Record<string, string>;
}

function request(path: string, method: string, { as, body, headers = {} }: Call): NextRequest {
  const h: Record<string, string> = { ...headers };
  if (as) h.cookie = `${SESSION_COOKIE}=${cookies[as]}`;
  if (body !== undefined && !h["content-type"]) h["content-type"] = "application/json";
  return new NextRequest(`http://localhost${path}`, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

const post = (call: Call) => POST(request("/api/submissions", "POST", call), { params: Promise.resolve({}) });
const get = (id: string, call: Call) => GET(request(`/api/submissions/${id}`, "GET", call), { params: Promise.resolve({ id }) });
const valid = { problem: FIXTURE_SLUG, code: CORRECT };

let ownersSubmission = "";

describe("POST /api/submissions", () => {
  it("stores a candidate's submission as queued and answers 201 { id }", async () => {
    const res = await post({ as: "owner", body: { ...valid, kind: "run" } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(res.headers.get("location")).toBe(`/api/submissions/${id}`);
    expect(await db.submission.findUnique({ where: { id }, select: { status: true, kind: true } })).toEqual({ status: "queued", kind: "run" });
    ownersSubmission = id;
  });

  it("accepts a personal API token instead of the session cookie", async () => {
    const res = await post({ body: valid, headers: { authorization: `Bearer ${ownerToken}` } });
    expect(res.status).toBe(201);
  });

  it.each([
    ["anonymous", undefined, 401],
    ["an interviewer (no submissions:create)", "interviewer", 403],
  ])("refuses %s", async (_label, as, status) => {
    const before = await db.submission.count();
    const res = await post({ as, body: valid });
    expect(res.status).toBe(status);
    expect(await res.json()).toHaveProperty("error");
    expect(await db.submission.count()).toBe(before);
  });

  it("refuses a cross-site form post with 403 and stores nothing", async () => {
    const before = await db.submission.count();
    const res = await post({ as: "owner", body: `problem=${FIXTURE_SLUG}&code=x`, headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(await db.submission.count()).toBe(before);
  });

  it.each([
    ["malformed JSON", "{ not json", {}],
    ["a missing code field", { problem: FIXTURE_SLUG }, {}],
    ["a form body instead of JSON", `problem=${FIXTURE_SLUG}&code=x`, { "content-type": "application/x-www-form-urlencoded" }],
    ["an unknown kind", { ...valid, kind: "benchmark" }, {}],
  ])("answers 400 with { error } to %s", async (_label, body, headers) => {
    const res = await post({ as: "owner", body, headers });
    expect(res.status).toBe(400);
    expect((await res.json()) as object).toMatchObject({ error: expect.any(String), code: "INVALID_SUBMISSION" });
  });

  it("answers 404 for a problem that does not exist", async () => {
    const res = await post({ as: "owner", body: { problem: "no-such-problem", code: CORRECT } });
    expect(res.status).toBe(404);
  });

  it("answers 413 naming the limit for code over it, and for a body far over the cap (cut off while reading)", async () => {
    const res = await post({ as: "owner", body: { problem: FIXTURE_SLUG, code: "x".repeat(2049) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("2048 bytes");
    const huge = await post({ as: "owner", body: { problem: FIXTURE_SLUG, code: "x".repeat(200_000) } });
    expect(huge.status).toBe(413);
  });

  it("answers 429 with Retry-After once a user has the maximum queued", async () => {
    for (let i = 0; i < 3; i++) expect((await post({ as: "limited", body: valid })).status).toBe(201);
    const res = await post({ as: "limited", body: valid });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("9");
    expect(((await res.json()) as { code: string }).code).toBe("TOO_MANY_ACTIVE_SUBMISSIONS");
  });
});

describe("GET /api/submissions/:id", () => {
  it("shows the owner status, verdict, score and report", async () => {
    const res = await get(ownersSubmission, { as: "owner" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ownersSubmission, status: "queued", verdict: null, score: null, report: null, kind: "run", problem: { slug: FIXTURE_SLUG, version: 1 } });
  });

  it.each([
    ["an interviewer", "interviewer", 200],
    ["an admin", "admin", 200],
    ["another candidate (404: the id is not even confirmed)", "other", 404],
    ["anonymous", undefined, 401],
  ])("answers %s with the right status", async (_label, as, status) => {
    const res = await get(ownersSubmission, { as });
    expect(res.status).toBe(status);
    if (status !== 200) expect(await res.json()).toHaveProperty("error");
  });

  it("answers 404 for an id that does not exist", async () => {
    expect((await get("nope", { as: "admin" })).status).toBe(404);
  });
});
