// Problem authoring and account administration through the real route handlers, against a real SQLite
// file: a save is a new version (old submissions keep theirs), an invalid package is a 400 with a message
// per field, export/import round-trips, only admins reach any admin route, and role changes, disabling
// and personal API tokens take effect on the very next request.
import { tempDatabase } from "./support/use-temp-database";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import path from "node:path";
import { NextRequest } from "next/server";
import { loadPackage } from "../../graders/problem-package";
import { draftFromPackage } from "../../app/_server/admin/package-input";
import { packageToBundle } from "../../app/_server/admin/package-bundle";
import { authenticate } from "../../app/_server/auth/accounts";
import { createApiToken } from "../../app/_server/auth/api-tokens";
import { createSession } from "../../app/_server/auth/sessions";
import { SESSION_COOKIE } from "../../app/_server/auth/session-cookie";
import { hashPassword } from "../../app/_server/auth/password";
import { db } from "../../app/_server/db";
import * as problemsRoute from "../../app/api/admin/problems/route";
import * as problemRoute from "../../app/api/admin/problems/[slug]/route";
import * as validationRoute from "../../app/api/admin/problems/[slug]/validation/route";
import * as exportRoute from "../../app/api/admin/problems/[slug]/export/route";
import * as importRoute from "../../app/api/admin/imports/route";
import * as usersRoute from "../../app/api/admin/users/route";
import * as userRoute from "../../app/api/admin/users/[id]/route";
import * as tokensRoute from "../../app/api/tokens/route";
import * as tokenRoute from "../../app/api/tokens/[id]/route";
import * as meRoute from "../../app/api/me/route";
import { syncPackage } from "../../prisma/seed/problem-sync";

// marked ships only ESM to jest's CommonJS loader; its UMD build is the same code. Required (not imported)
// after the mock is registered, since imports are hoisted above it.
jest.doMock("marked", () => jest.requireActual(path.resolve(__dirname, "..", "..", "node_modules", "marked", "lib", "marked.umd.js")));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const markdownRoute = require("../../app/api/admin/markdown/route") as typeof import("../../app/api/admin/markdown/route");

const FIXTURE = loadPackage(path.resolve(__dirname, "..", "fixtures", "queue", "packages", "add"));
const SLUG = FIXTURE.config.slug;

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  as?: string;
  bearer?: string;
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

const sessions: Record<string, string> = {};
const ids: Record<string, string> = {};

function call(handler: unknown, method: string, url: string, { as, bearer, body, params = {}, headers: extra = {} }: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra };
  if (as) headers.cookie = `${SESSION_COOKIE}=${sessions[as]}`;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

const fixtureDraft = () => draftFromPackage(FIXTURE);

beforeAll(async () => {
  await syncPackage(db, FIXTURE);
  for (const [name, role] of [
    ["admin", "admin"],
    ["admin2", "admin"],
    ["candidate", "candidate"],
    ["interviewer", "interviewer"],
    ["victim", "candidate"],
  ] as const) {
    const user = await db.user.create({ data: { email: `${name}@authoring.test`, name, role, passwordHash: await hashPassword("a-password-123") } });
    ids[name] = user.id;
    sessions[name] = (await createSession(user.id)).token;
  }
});

afterAll(async () => {
  await db.$disconnect();
  tempDatabase.remove();
});

describe("saving a problem from the editor", () => {
  it("stores a new version, moves currentVersion, and leaves an old submission on its version", async () => {
    const problem = await db.problem.findUniqueOrThrow({ where: { slug: SLUG }, include: { versions: true } });
    const v1 = problem.versions[0];
    const sub = await db.submission.create({ data: { userId: ids.candidate, problemId: problem.id, problemVersionId: v1.id, code: "x", status: "done", verdict: "accepted" } });

    const draft = { ...fixtureDraft(), statement: "# Add\n\nNow with **more** words." };
    const res = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: draft, params: { slug: SLUG } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, slug: SLUG, status: "updated", version: 2 });

    const after = await db.problem.findUniqueOrThrow({ where: { slug: SLUG }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(after.currentVersion).toBe(2);
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(after.versions[1].statement).toContain("**more** words");
    expect(after.versions[0].statement).toBe(v1.statement);
    expect((await db.submission.findUniqueOrThrow({ where: { id: sub.id } })).problemVersionId).toBe(v1.id);
  });

  it("answers the current version's draft with the version list and dates", async () => {
    const res = await call(problemRoute.GET, "GET", `/api/admin/problems/${SLUG}`, { as: "admin", params: { slug: SLUG } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; versions: { version: number; createdAt: string }[]; draft: { statement: string; wrong: unknown[] } };
    expect(body.version).toBe(2);
    expect(body.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(Number.isNaN(Date.parse(body.versions[0].createdAt))).toBe(false);
    expect(body.draft.statement).toContain("more");
    expect(body.draft.wrong).toEqual([{ name: "subtracts.ts", verdict: "wrong_answer", source: FIXTURE.wrong["subtracts.ts"].source }]);
    const old = await call(problemRoute.GET, "GET", `/api/admin/problems/${SLUG}?version=1`, { as: "admin", params: { slug: SLUG } });
    expect(((await old.json()) as { draft: { statement: string } }).draft.statement).toBe(FIXTURE.statement);
  });

  it("stores nothing when the content did not change", async () => {
    const current = (await (await call(problemRoute.GET, "GET", `/api/admin/problems/${SLUG}`, { as: "admin", params: { slug: SLUG } })).json()) as { draft: unknown };
    const res = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: current.draft, params: { slug: SLUG } });
    expect(await res.json()).toMatchObject({ status: "unchanged", version: 2 });
    expect(await db.problemVersion.count({ where: { problem: { slug: SLUG } } })).toBe(2);
  });

  it("refuses a save based on a version that is no longer current (409), and takes one based on the current version", async () => {
    const current = (await (await call(problemRoute.GET, "GET", `/api/admin/problems/${SLUG}`, { as: "admin", params: { slug: SLUG } })).json()) as { draft: Draft };
    const stale = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: { ...current.draft, statement: "stale edit", baseVersion: 1 }, params: { slug: SLUG } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "VERSION_CONFLICT", error: expect.stringMatching(/Version 2 .* was saved after you opened this editor/) });
    expect(await db.problemVersion.count({ where: { problem: { slug: SLUG } } })).toBe(2);
    const fresh = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: { ...current.draft, baseVersion: 2 }, params: { slug: SLUG } });
    expect(await fresh.json()).toMatchObject({ status: "unchanged", version: 2 });
  });

  it("keeps the admin's version when the seed meets the older package in problems/ again (next npm start)", async () => {
    expect(await syncPackage(db, FIXTURE)).toEqual({ slug: SLUG, status: "unchanged", version: 2 });
    expect((await db.problem.findUniqueOrThrow({ where: { slug: SLUG } })).currentVersion).toBe(2);
    expect(await db.problemVersion.count({ where: { problem: { slug: SLUG } } })).toBe(2);
  });

  it("creates a new problem unpublished at version 1, and refuses the same slug twice with 409", async () => {
    const draft = { ...fixtureDraft(), config: { ...fixtureDraft().config, slug: "add-again", title: "Add again" } };
    const res = await call(problemsRoute.POST, "POST", "/api/admin/problems", { as: "admin", body: draft });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true, slug: "add-again", status: "created", version: 1 });
    expect(await db.problem.findUniqueOrThrow({ where: { slug: "add-again" } })).toMatchObject({ published: false, currentVersion: 1, title: "Add again" });
    const again = await call(problemsRoute.POST, "POST", "/api/admin/problems", { as: "admin", body: draft });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors["config.slug"][0]).toMatch(/taken/);
  });

  it.each([
    ["an unknown track", (d: Draft) => ({ ...d, config: { ...d.config, track: "fibers" } }), "config.track", /async|threads|workers|Invalid/],
    ["a bad slug", (d: Draft) => ({ ...d, config: { ...d.config, slug: "Not A Slug" } }), "config.slug", /lower-case/],
    ["a negative CPU limit", (d: Draft) => ({ ...d, config: { ...d.config, limits: { cpuMs: -5 } } }), "config.limits.cpuMs", /./],
    ["tests that are not JSON", (d: Draft) => ({ ...d, tests: "[{ name: " }), "tests", /Not valid JSON/],
    ["a test without a name", (d: Draft) => ({ ...d, tests: JSON.stringify([{ sample: true, input: 1 }]) }), "tests.0.name", /./],
    ["two tests with one name", (d: Draft) => ({ ...d, tests: JSON.stringify([{ name: "a", input: 1 }, { name: "a", input: 2 }]) }), "tests.1.name", /Duplicate test name "a"/],
    ["no reference solution", (d: Draft) => ({ ...d, solutions: [] }), "solutions", /at least one reference/],
    ["a wrong solution tagged accepted", (d: Draft) => ({ ...d, wrong: [{ name: "w.ts", verdict: "accepted", source: "x" }] }), "wrong.0.verdict", /cannot be tagged accepted/],
    ["an unknown verdict", (d: Draft) => ({ ...d, wrong: [{ name: "w.ts", verdict: "too_slow", source: "x" }] }), "wrong.0.verdict", /verdict/],
    ["an empty driver", (d: Draft) => ({ ...d, driver: "" }), "driver", /driver is required/],
  ])("refuses %s with 400 and a message on that field, storing nothing", async (_label, change, field, message) => {
    const before = await db.problemVersion.count();
    const res = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: change(fixtureDraft()), params: { slug: SLUG } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; fieldErrors: Record<string, string[]> };
    expect(body.code).toBe("INVALID_PACKAGE");
    expect(body.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await db.problemVersion.count()).toBe(before);
  });

  it("refuses to change a problem's slug by saving", async () => {
    const d = fixtureDraft();
    const res = await call(problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { as: "admin", body: { ...d, config: { ...d.config, slug: "renamed" } }, params: { slug: SLUG } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors["config.slug"]).toBeDefined();
  });

  it("refuses a body declared larger than 8 MiB with 413 before reading it", async () => {
    const res = await call(problemsRoute.POST, "POST", "/api/admin/problems", { as: "admin", body: fixtureDraft(), headers: { "content-length": String(9 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("PACKAGE_TOO_LARGE");
  });

  it("answers 404 for a save to a problem that does not exist", async () => {
    const d = fixtureDraft();
    const res = await call(problemRoute.PUT, "PUT", "/api/admin/problems/nope", { as: "admin", body: { ...d, config: { ...d.config, slug: "nope" } }, params: { slug: "nope" } });
    expect(res.status).toBe(404);
  });
});

type Draft = ReturnType<typeof fixtureDraft>;

describe("export and import", () => {
  it("exports a version as its package files and imports them back unchanged", async () => {
    const res = await call(exportRoute.GET, "GET", `/api/admin/problems/${SLUG}/export?version=1`, { as: "admin", params: { slug: SLUG } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}-v1.json"`);
    const bundle = (await res.json()) as { format: string; files: Record<string, string> };
    expect(bundle.format).toBe("concurrency-dojo-package");
    expect(Object.keys(bundle.files).sort()).toEqual(["driver.ts", "problem.json", "solutions/reference.ts", "starter.ts", "statement.md", "tests.json", "wrong/subtracts.ts"]);
    expect(bundle.files["statement.md"]).toBe(FIXTURE.statement);
    expect(JSON.parse(bundle.files["problem.json"])).toEqual(FIXTURE.config);

    // Version 1 imported on top of version 2: a new version 3 equal to version 1.
    const imported = await call(importRoute.POST, "POST", "/api/admin/imports", { as: "admin", body: bundle });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ ok: true, slug: SLUG, status: "updated", version: 3 });
    const v1 = await db.problemVersion.findFirstOrThrow({ where: { problem: { slug: SLUG }, version: 1 } });
    const v3 = await db.problemVersion.findFirstOrThrow({ where: { problem: { slug: SLUG }, version: 3 } });
    expect(v3.contentHash).toBe(v1.contentHash);
    expect(v3.package).toEqual(v1.package);

    // The same bundle again: nothing new.
    const again = await call(importRoute.POST, "POST", "/api/admin/imports", { as: "admin", body: bundle });
    expect(await again.json()).toMatchObject({ status: "unchanged", version: 3 });
  });

  it("imports a bundle under a new slug as a new unpublished problem whose export equals the bundle", async () => {
    const bundle = packageToBundle({ ...FIXTURE, config: { ...FIXTURE.config, slug: "add-imported", title: "Imported" } });
    const res = await call(importRoute.POST, "POST", "/api/admin/imports", { as: "admin", body: bundle });
    expect(res.status).toBe(201);
    expect(await db.problem.findUniqueOrThrow({ where: { slug: "add-imported" } })).toMatchObject({ published: false, title: "Imported" });
    const exported = await call(exportRoute.GET, "GET", "/api/admin/problems/add-imported/export", { as: "admin", params: { slug: "add-imported" } });
    expect(await exported.json()).toEqual(bundle);
  });

  it.each([
    ["a missing driver", (f: Record<string, string>) => ({ ...f, "driver.ts": undefined }), "driver.ts", /missing/],
    ["an untagged wrong solution", (f: Record<string, string>) => ({ ...f, "wrong/extra.ts": "export {}" }), "wrong/extra.ts", /no verdict/],
    ["a stray file", (f: Record<string, string>) => ({ ...f, "notes.txt": "hi" }), "notes.txt", /not a package file/],
    ["broken tests.json", (f: Record<string, string>) => ({ ...f, "tests.json": "[" }), "tests.json", /not valid JSON/],
    ["a bad difficulty", (f: Record<string, string>) => ({ ...f, "problem.json": JSON.stringify({ ...FIXTURE.config, difficulty: "brutal" }) }), "problem.json.difficulty", /./],
  ])("refuses a bundle with %s with 400 and the file named", async (_label, change, field, message) => {
    const files = JSON.parse(JSON.stringify(change(packageToBundle(FIXTURE).files)));
    const res = await call(importRoute.POST, "POST", "/api/admin/imports", { as: "admin", body: { files } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.join(" ")).toMatch(message);
  });
});

describe("validation state", () => {
  it("shows a check left 'running' by a server that stopped as interrupted, so it can be started again", async () => {
    const version = await db.problemVersion.findFirstOrThrow({ where: { problem: { slug: SLUG }, version: 1 } });
    const left = { status: "running", runs: 1, startedAt: new Date().toISOString(), cases: [{ file: "solutions/reference.ts", expected: "accepted", got: [], ok: null }] };
    await db.problemVersion.update({ where: { id: version.id }, data: { validation: left } });
    const res = await call(validationRoute.GET, "GET", `/api/admin/problems/${SLUG}/validation?version=1`, { as: "admin", params: { slug: SLUG } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1, validation: { status: "error", error: expect.stringMatching(/^Interrupted/), cases: left.cases } });
  });

  it("answers null for a version never validated, and 404 for a version that does not exist", async () => {
    const res = await call(validationRoute.GET, "GET", `/api/admin/problems/${SLUG}/validation?version=2`, { as: "admin", params: { slug: SLUG } });
    expect(await res.json()).toEqual({ version: 2, validation: null });
    expect((await call(validationRoute.GET, "GET", `/api/admin/problems/${SLUG}/validation?version=99`, { as: "admin", params: { slug: SLUG } })).status).toBe(404);
    expect((await call(validationRoute.POST, "POST", `/api/admin/problems/${SLUG}/validation`, { as: "admin", body: { runs: 9 }, params: { slug: SLUG } })).status).toBe(400);
  });
});

describe("statement preview", () => {
  it("renders like the candidate page: Markdown to HTML, raw HTML escaped, leading title dropped", async () => {
    const res = await call(markdownRoute.POST, "POST", "/api/admin/markdown", { as: "admin", body: { markdown: "# Title\n\nSome **bold** <script>x()</script>" } });
    const { html } = (await res.json()) as { html: string };
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<h1>");
  });
});

describe("access to admin routes", () => {
  // Every row has all six entries: a shorter row would hand jest's done callback to the test as `body`.
  const routes: [string, unknown, string, string, Record<string, string>, unknown][] = [
    ["GET /api/admin/problems", problemsRoute.GET, "GET", "/api/admin/problems", {}, undefined],
    ["POST /api/admin/problems", problemsRoute.POST, "POST", "/api/admin/problems", {}, {}],
    ["GET /api/admin/problems/:slug", problemRoute.GET, "GET", `/api/admin/problems/${SLUG}`, { slug: SLUG }, undefined],
    ["PUT /api/admin/problems/:slug", problemRoute.PUT, "PUT", `/api/admin/problems/${SLUG}`, { slug: SLUG }, {}],
    ["PATCH /api/admin/problems/:slug", problemRoute.PATCH, "PATCH", `/api/admin/problems/${SLUG}`, { slug: SLUG }, { published: false }],
    ["GET /api/admin/problems/:slug/validation", validationRoute.GET, "GET", `/api/admin/problems/${SLUG}/validation`, { slug: SLUG }, undefined],
    ["POST /api/admin/problems/:slug/validation", validationRoute.POST, "POST", `/api/admin/problems/${SLUG}/validation`, { slug: SLUG }, {}],
    ["GET /api/admin/problems/:slug/export", exportRoute.GET, "GET", `/api/admin/problems/${SLUG}/export`, { slug: SLUG }, undefined],
    ["POST /api/admin/imports", importRoute.POST, "POST", "/api/admin/imports", {}, { files: {} }],
    ["POST /api/admin/markdown", markdownRoute.POST, "POST", "/api/admin/markdown", {}, { markdown: "x" }],
    ["GET /api/admin/users", usersRoute.GET, "GET", "/api/admin/users", {}, undefined],
    ["PATCH /api/admin/users/:id", userRoute.PATCH, "PATCH", "/api/admin/users/x", { id: "x" }, { role: "admin" }],
  ];

  it.each(routes)("%s: 403 for a candidate and an interviewer, 401 anonymous, nothing changed", async (_label, handler, method, url, params, body) => {
    const before = { versions: await db.problemVersion.count(), problems: await db.problem.count(), admins: await db.user.count({ where: { role: "admin" } }) };
    for (const as of ["candidate", "interviewer"]) {
      const res = await call(handler, method, url, { as, params, body });
      expect([as, res.status]).toEqual([as, 403]);
      expect(((await res.json()) as { code: string }).code).toBe("FORBIDDEN");
    }
    expect((await call(handler, method, url, { params, body })).status).toBe(401);
    expect({ versions: await db.problemVersion.count(), problems: await db.problem.count(), admins: await db.user.count({ where: { role: "admin" } }) }).toEqual(before);
    expect((await db.problem.findUniqueOrThrow({ where: { slug: SLUG } })).published).toBe(true);
  });
});

describe("user administration", () => {
  const patchUser = (as: string, id: string, body: unknown) => call(userRoute.PATCH, "PATCH", `/api/admin/users/${id}`, { as, body, params: { id } });
  const me = (as: string) => call(meRoute.GET, "GET", "/api/me", { as });

  it("a role change takes effect on the user's next request", async () => {
    expect((await call(usersRoute.GET, "GET", "/api/admin/users", { as: "interviewer" })).status).toBe(403);
    const res = await patchUser("admin", ids.interviewer, { role: "admin" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id: ids.interviewer, role: "admin", disabled: false } });
    expect((await call(usersRoute.GET, "GET", "/api/admin/users", { as: "interviewer" })).status).toBe(200);
    expect((await patchUser("admin", ids.interviewer, { role: "interviewer" })).status).toBe(200);
    expect((await call(usersRoute.GET, "GET", "/api/admin/users", { as: "interviewer" })).status).toBe(403);
  });

  it("disabling ends the user's sessions and API tokens and refuses their sign-in; enabling lets them sign in again", async () => {
    const token = await createApiToken(ids.victim, "ci");
    expect((await call(meRoute.GET, "GET", "/api/me", { bearer: token })).status).toBe(200);
    expect((await me("victim")).status).toBe(200);

    expect((await patchUser("admin", ids.victim, { disabled: true })).status).toBe(200);
    expect((await me("victim")).status).toBe(401);
    expect((await call(meRoute.GET, "GET", "/api/me", { bearer: token })).status).toBe(401);
    expect(await db.session.count({ where: { userId: ids.victim } })).toBe(0);
    expect(await authenticate({ email: "victim@authoring.test", password: "a-password-123" })).toMatchObject({ ok: false, status: 401, error: expect.stringMatching(/disabled/) });

    expect((await patchUser("admin", ids.victim, { disabled: false })).status).toBe(200);
    expect(await authenticate({ email: "victim@authoring.test", password: "a-password-123" })).toMatchObject({ ok: true });
    expect((await call(meRoute.GET, "GET", "/api/me", { bearer: token })).status).toBe(200);
  });

  it.each([
    ["disable themselves", { disabled: true }],
    ["demote themselves", { role: "candidate" }],
  ])("an admin cannot %s (409, nothing changed)", async (_label, body) => {
    const res = await patchUser("admin", ids.admin, body);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/your own account/);
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.admin } })).toMatchObject({ role: "admin", disabled: false });
    expect((await me("admin")).status).toBe(200);
  });

  it("another admin can disable an admin", async () => {
    expect((await patchUser("admin2", ids.admin, { disabled: true })).status).toBe(200);
    expect((await me("admin")).status).toBe(401);
    expect((await patchUser("admin2", ids.admin, { disabled: false })).status).toBe(200);
    sessions.admin = (await createSession(ids.admin)).token;
  });

  it("refuses an unknown role with 400 and an unknown user with 404", async () => {
    const bad = await patchUser("admin", ids.victim, { role: "root" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.role[0]).toMatch(/Role must be one of/);
    expect((await patchUser("admin", "no-such-user", { role: "candidate" })).status).toBe(404);
    expect((await patchUser("admin", ids.victim, {})).status).toBe(400);
  });
});

describe("personal API tokens", () => {
  it("any signed-in user creates a token (secret shown once), uses it, lists it without the secret, and revokes it", async () => {
    const created = await call(tokensRoute.POST, "POST", "/api/tokens", { as: "candidate", body: { name: "laptop" } });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    expect(token).toMatch(/^cdt_/);
    expect(((await (await call(meRoute.GET, "GET", "/api/me", { bearer: token })).json()) as { user: { id: string } }).user.id).toBe(ids.candidate);

    const list = (await (await call(tokensRoute.GET, "GET", "/api/tokens", { as: "candidate" })).json()) as { tokens: { id: string; name: string; revokedAt: string | null }[] };
    expect(list.tokens).toHaveLength(1);
    expect(list.tokens[0]).toMatchObject({ name: "laptop", revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);

    const id = list.tokens[0].id;
    expect((await call(tokenRoute.DELETE, "DELETE", `/api/tokens/${id}`, { as: "interviewer", params: { id } })).status).toBe(404);
    expect((await call(meRoute.GET, "GET", "/api/me", { bearer: token })).status).toBe(200);
    expect((await call(tokenRoute.DELETE, "DELETE", `/api/tokens/${id}`, { as: "candidate", params: { id } })).status).toBe(200);
    expect((await call(meRoute.GET, "GET", "/api/me", { bearer: token })).status).toBe(401);
  });

  it("refuses an empty name with 400 and an anonymous caller with 401", async () => {
    const res = await call(tokensRoute.POST, "POST", "/api/tokens", { as: "candidate", body: { name: "  " } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.name[0]).toMatch(/Name the token/);
    expect((await call(tokensRoute.POST, "POST", "/api/tokens", { body: { name: "x" } })).status).toBe(401);
  });
});
