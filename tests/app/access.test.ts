// The built app over real HTTP against a fresh database: sign-in, sign-up, sign-out, and every role
// against every protected page and API route (200 allowed, 403 wrong role, sign-in redirect or 401
// anonymous). The first run builds the app (`next build`, about 1.5-3 min); later runs reuse .next.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { PrismaClient } from "../../generated/prisma/client";
import { scriptClient } from "../../prisma/seed/client";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { startAppServer, type AppServer } from "./support/app-server";
import { createTempDatabase } from "./support/temp-database";

type Who = "anonymous" | "candidate" | "interviewer" | "admin";
type Role = Exclude<Who, "anonymous">;
const ROLES: Role[] = ["candidate", "interviewer", "admin"];

const database = createTempDatabase();
let server: AppServer;
let db: PrismaClient;
const cookies: Partial<Record<Who, string>> = {};

async function request(path: string, init: RequestInit & { as?: Who; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  const cookie = init.as && cookies[init.as];
  if (cookie) headers.set("cookie", cookie);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return fetch(server.base + path, { ...init, headers, redirect: "manual", body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
}

/** "name=value" of the session cookie a response sets, and the cookie's attributes. */
function sessionCookieOf(response: Response) {
  const header = response.headers.getSetCookie().find((c) => c.startsWith("cd_session="));
  return header ? { pair: header.split(";")[0], attributes: header.toLowerCase() } : undefined;
}

async function signIn(email: string, password: string) {
  return request("/api/auth/signin", { method: "POST", json: { email, password } });
}

async function addProblem(slug: string, published: boolean, statement: string) {
  await db.problem.create({
    data: {
      slug,
      title: `Problem ${slug}`,
      track: "async",
      difficulty: "easy",
      published,
      currentVersion: 1,
      versions: { create: { version: 1, statement, starter: "export function solve() {}\n", package: {}, contentHash: slug } },
    },
  });
}

beforeAll(async () => {
  db = scriptClient(database.url);
  await addProblem("open-problem", true, "# Open\n\nSolve it. [docs](https://nodejs.org/api/) [bad](javascript:alert(1))\n\n<script>window.pwned = 1</script>");
  await addProblem("draft-problem", false, "# Draft\n\nNot yet.");
  server = await startAppServer(database.url, 9 * 60_000);
  for (const role of ROLES) {
    const response = await signIn(`${role}@example.com`, DEMO_PASSWORD);
    const cookie = sessionCookieOf(response);
    if (!cookie) throw new Error(`demo ${role} could not sign in: ${response.status} ${await response.text()}`);
    cookies[role] = cookie.pair;
  }
}, 10 * 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  database.remove();
});

describe("signing in", () => {
  it.each([
    ["candidate", "/problems"],
    ["interviewer", "/review"],
    ["admin", "/admin/problems"],
  ] as const)("should land the demo %s on %s, with an httpOnly SameSite=Lax session cookie", async (role, home) => {
    const response = await signIn(`${role}@example.com`, DEMO_PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ home, user: { email: `${role}@example.com`, role } });
    const cookie = sessionCookieOf(response);
    expect(cookie?.attributes).toContain("httponly");
    expect(cookie?.attributes).toContain("samesite=lax");
    expect(cookie?.attributes).not.toContain("secure"); // plain http here; https gets Secure
    expect((await request(home, { headers: { cookie: cookie!.pair } })).status).toBe(200);
  });

  it("should refuse a wrong password with 401, a clear message and no cookie", async () => {
    const response = await signIn("candidate@example.com", "not the password");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "Wrong email or password." });
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("should redirect a form posted without JavaScript to the role's home (303)", async () => {
    const body = new URLSearchParams({ email: "admin@example.com", password: DEMO_PASSWORD });
    const response = await request("/api/auth/signin", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/problems"); // relative: the browser stays on the host it used
    expect(sessionCookieOf(response)).toBeDefined();
  });

  it("should send a wrong-password form back to the sign-in page with an error code (303)", async () => {
    const body = new URLSearchParams({ email: "admin@example.com", password: "nope" });
    const response = await request("/api/auth/signin", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/signin\?error=credentials$/);
  });
});

describe("signing up", () => {
  const signUp = (json: unknown) => request("/api/auth/signup", { method: "POST", json });

  it("should reject a bad email and a short password with 400 and a message for each field", async () => {
    const response = await signUp({ name: "Kim", email: "kim-at-example", password: "short" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.email.join(" ")).toMatch(/valid email/);
    expect(body.fieldErrors.password.join(" ")).toMatch(/at least 10 characters/);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("should create a candidate, sign it in, and refuse the same email again with 409", async () => {
    const response = await signUp({ name: "Kim", email: "kim@example.com", password: "a long enough password" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ home: "/problems", user: { role: "candidate" } });
    const me = await request("/api/me", { headers: { cookie: sessionCookieOf(response)!.pair } });
    expect(await me.json()).toMatchObject({ user: { email: "kim@example.com", role: "candidate" } });

    const again = await signUp({ name: "Kim 2", email: "KIM@example.com", password: "another long password" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: "An account with this email already exists." });
  });
});

describe("signing out", () => {
  it("should revoke the session on the server, not only clear the cookie", async () => {
    const cookie = sessionCookieOf(await signIn("candidate@example.com", DEMO_PASSWORD))!.pair;
    expect((await request("/api/me", { headers: { cookie } })).status).toBe(200);
    const out = await request("/api/auth/signout", { method: "POST", json: {}, headers: { cookie } });
    expect(out.status).toBe(200);
    expect(sessionCookieOf(out)?.attributes).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
    // Replaying the old cookie must fail: the session row is gone.
    expect((await request("/api/me", { headers: { cookie } })).status).toBe(401);
  });
});

// Each protected route with the roles allowed on it; every other role must get 403.
const PAGES: [string, Role[]][] = [
  ["/problems", ["candidate", "interviewer", "admin"]],
  ["/problems/open-problem", ["candidate", "interviewer", "admin"]],
  ["/review", ["interviewer", "admin"]],
  ["/admin/problems", ["admin"]],
  ["/admin/users", ["admin"]],
];
const API: [method: string, path: string, allowed: Role[], json?: unknown][] = [
  ["GET", "/api/me", ["candidate", "interviewer", "admin"]],
  ["GET", "/api/problems", ["candidate", "interviewer", "admin"]],
  ["GET", "/api/review/queue", ["interviewer", "admin"]],
  ["GET", "/api/admin/users", ["admin"]],
  ["PATCH", "/api/admin/problems/open-problem", ["admin"], { published: true }],
];
const everyone: Who[] = ["anonymous", ...ROLES];

describe("role checks on pages", () => {
  const cases = PAGES.flatMap(([path, allowed]) => everyone.map((who) => [path, who, allowed] as const));
  it.each(cases)("%s as %s", async (path, who, allowed) => {
    const response = await request(path, { as: who });
    if (who === "anonymous") {
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(`/signin?next=${encodeURIComponent(path)}`);
    } else if (allowed.includes(who)) {
      expect(response.status).toBe(200);
    } else {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("You do not have access to this page");
    }
  });

  it.each(["/", "/signin", "/signup"])("public page %s should answer 200 anonymously", async (path) => {
    expect((await request(path)).status).toBe(200);
  });
});

describe("role checks on API routes", () => {
  const cases = API.flatMap(([method, path, allowed, json]) => everyone.map((who) => [method, path, who, allowed, json] as const));
  it.each(cases)("%s %s as %s", async (method, path, who, allowed, json) => {
    const response = await request(path, { method, as: who, json });
    const expected = who === "anonymous" ? 401 : allowed.includes(who) ? 200 : 403;
    expect(response.status).toBe(expected);
    if (expected !== 200) expect(await response.json()).toEqual({ error: expect.any(String), code: expect.any(String) });
  });

  it("GET /api/health should answer { ok: true } to anyone", async () => {
    const response = await request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("problems", () => {
  it("should hide an unpublished problem from candidates (404) and show it to interviewers as a preview", async () => {
    expect((await request("/problems/draft-problem", { as: "candidate" })).status).toBe(404);
    const preview = await request("/problems/draft-problem", { as: "interviewer" });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("unpublished (preview)");
  });

  it("should list published problems to candidates and leave unpublished ones out", async () => {
    // The server's start also seeds whatever is in problems/, so only these two slugs are asserted.
    const body = (await (await request("/api/problems", { as: "candidate" })).json()) as { problems: { slug: string }[] };
    const slugs = body.problems.map((p) => p.slug);
    expect(slugs).toContain("open-problem");
    expect(slugs).not.toContain("draft-problem");
  });

  it("should render the statement's Markdown with raw HTML escaped and script links neutralised", async () => {
    const html = await (await request("/problems/open-problem", { as: "candidate" })).text();
    expect(html).toContain("Solve it.");
    expect(html).toContain('href="https://nodejs.org/api/"');
    expect(html).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
    expect(html).not.toContain("<script>window.pwned");
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it("should let an admin unpublish and republish through the API, and 404 an unknown slug", async () => {
    expect((await request("/api/admin/problems/open-problem", { method: "PATCH", as: "admin", json: { published: false } })).status).toBe(200);
    expect((await request("/problems/open-problem", { as: "candidate" })).status).toBe(404);
    expect((await request("/api/admin/problems/open-problem", { method: "PATCH", as: "admin", json: { published: true } })).status).toBe(200);
    expect((await request("/problems/open-problem", { as: "candidate" })).status).toBe(200);
    const missing = await request("/api/admin/problems/no-such-problem", { method: "PATCH", as: "admin", json: { published: true } });
    expect(missing.status).toBe(404);
  });
});

describe("bad input", () => {
  it("should answer malformed JSON with 400 JSON, not a stack trace", async () => {
    const response = await request("/api/auth/signin", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "The request body is not valid JSON.", code: "BAD_JSON" });
    expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  });

  it("should refuse a wrong-typed field with 400 naming the field", async () => {
    const response = await request("/api/admin/problems/open-problem", { method: "PATCH", as: "admin", json: { published: "yes" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { published: [expect.any(String)] } });
  });

  it("should answer an unknown API path with 404 JSON and an unknown page with the 404 page", async () => {
    const api = await request("/api/does-not-exist");
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: "NOT_FOUND" });
    const page = await request("/does-not-exist", { as: "candidate" });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Page not found");
  });

  it("should refuse a cross-site POST (Origin of another host) with 403", async () => {
    const response = await request("/api/auth/signin", {
      method: "POST",
      json: { email: "admin@example.com", password: DEMO_PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(sessionCookieOf(response)).toBeUndefined();
  });
});
