// The candidate's editor knows the sandbox runtime's types, in real Chromium against the built app: a new
// candidate follows an invite link, signs up on the way and lands on the assessment (next= survives sign-up);
// on a problem page the TypeScript worker underlines a type error against the runtime declarations, lists
// it in the lint panel, completes `Atomics.wa` and shows a constructor's type on hover. The declarations
// route answers only signed-in users and revalidates by ETag. The diff page without a/b offers the form.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { describe, expect, it } from "@jest/globals";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { useBrowserSession } from "./support/browser-session";

const INVITED = { name: "Invited Candidate", email: "invited@example.com", password: "invited-password-1" };
const TYPE_ERROR = `import { Worker } from "node:worker_threads";\nnew Worker(42);\n`;

const session = useBrowserSession("cd-e2e-editor-");

async function sessionCookie(): Promise<string> {
  const c = (await session.context.cookies(session.server.base)).find((x) => x.name === "cd_session");
  if (!c) throw new Error("no session cookie in the browser");
  return `${c.name}=${c.value}`;
}

async function signInCookie(email: string, password: string): Promise<string> {
  const response = await fetch(`${session.server.base}/api/auth/signin`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("cd_session="))?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

async function setEditorCode(code: string) {
  await session.page.getByRole("textbox", { name: "Solution code (TypeScript)" }).click();
  await session.page.keyboard.press("ControlOrMeta+A");
  await session.page.keyboard.insertText(code);
}

/** The middle of `word`'s first occurrence on the editor's line `line` (0-based), in page coordinates. */
async function wordCenter(line: number, word: string): Promise<{ x: number; y: number }> {
  const point = await session.page.evaluate(
    ([line, word]) => {
      const el = document.querySelectorAll(".cm-line")[line];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    },
    [line, word] as const,
  );
  if (!point) throw new Error(`"${word}" is not on editor line ${line}`);
  return point;
}

describe("sign-up from an invite link", () => {
  it("should keep a same-site next= through a no-JavaScript sign-up error, and drop another site's", async () => {
    const post = (next: string) =>
      fetch(`${session.server.base}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "", email: "not-an-email", password: "x", next }).toString(),
        redirect: "manual",
      });
    expect((await post("/assessments/invite/abc")).headers.get("location")).toBe("/signup?error=input&next=%2Fassessments%2Finvite%2Fabc");
    expect((await post("//evil.example/x")).headers.get("location")).toBe("/signup?error=input");
  });

  it("should carry the invite through sign-in's sign-up link and land on the assessment after sign-up", async () => {
    const created = await fetch(`${session.server.base}/api/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await signInCookie("interviewer@example.com", DEMO_PASSWORD) },
      body: JSON.stringify({ title: "Editor check", problems: ["sleep"], timeLimitMinutes: 30, candidateEmail: INVITED.email }),
    });
    expect(created.status).toBe(201);
    const { id, invitePath } = (await created.json()) as { id: string; invitePath: string };

    await session.page.goto(session.server.base + invitePath);
    await session.page.waitForURL(`${session.server.base}/signin?next=${encodeURIComponent(invitePath)}`);
    await session.page.getByRole("link", { name: "Sign up as a candidate" }).click();
    await session.page.waitForURL(`${session.server.base}/signup?next=${encodeURIComponent(invitePath)}`);
    await session.page.getByLabel("Name").fill(INVITED.name);
    await session.page.getByLabel("Email").fill(INVITED.email);
    await session.page.getByLabel("Password").fill(INVITED.password);
    await session.page.getByRole("button", { name: "Create account" }).click();
    await session.page.waitForURL(`${session.server.base}/assessments/${id}`);
  });
});

describe("the problem page's editor", () => {
  it("should check the starter code against the runtime once the TypeScript worker is ready", async () => {
    await session.page.goto(`${session.server.base}/problems/sleep`);
    await session.page.getByRole("textbox", { name: "Solution code (TypeScript)" }).waitFor();
    await session.page.getByTestId("type-check-status").getByText("No type errors.").waitFor();
    expect(await session.page.locator(".cm-lintRange-error").count()).toBe(0);
  });

  it("should underline a type error against the runtime's declarations and list it in the lint panel", async () => {
    await setEditorCode(TYPE_ERROR);
    await session.page.locator(".cm-lintRange-error").first().waitFor();
    expect(await session.page.locator(".cm-lintRange-error").innerText()).toBe("42");
    expect(await session.page.locator(".cm-gutter-lint .cm-lint-marker-error").count()).toBe(1);
    await session.page.getByTestId("type-check-status").getByText("1 type error").waitFor();
    await session.page.getByRole("button", { name: "List them" }).click();
    const panel = session.page.locator(".cm-panel-lint");
    expect(await panel.innerText()).toContain("Argument of type 'number' is not assignable to parameter of type 'string | URL'.");
  });

  it("should show the runtime's Worker constructor on hover", async () => {
    const { x, y } = await wordCenter(1, "Worker");
    await session.page.mouse.move(x, y);
    const info = session.page.getByTestId("type-info");
    await info.waitFor();
    expect(await info.innerText()).toMatch(/Worker\(filename: string \| URL/);
  });

  it("should offer the runtime's Atomics members while typing Atomics.wa", async () => {
    await setEditorCode("const cell = new Int32Array(new SharedArrayBuffer(4));\n");
    await session.page.keyboard.type("Atomics.wa");
    const options = session.page.locator(".cm-tooltip-autocomplete .cm-completionLabel");
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toContain("wait");
    await session.page.keyboard.press("Escape");
  });
});

describe("the editor's declarations route", () => {
  it("should answer 401 without a session", async () => {
    expect((await fetch(`${session.server.base}/api/editor-types`)).status).toBe(401);
  });

  it("should serve the grader's lib files and runtime declarations, then 304 for the same ETag", async () => {
    const cookie = await sessionCookie();
    const first = await fetch(`${session.server.base}/api/editor-types`, { headers: { cookie } });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const { files } = (await first.json()) as { files: Record<string, string> };
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["/lib.es2023.d.ts", "/lib.es5.d.ts", "/runtime/candidate-env.d.ts"]));
    expect(Object.keys(files).some((f) => f.includes("dom"))).toBe(false);
    expect(files["/runtime/candidate-env.d.ts"]).toContain('declare module "node:worker_threads"');
    expect((await fetch(`${session.server.base}/api/editor-types`, { headers: { cookie, "if-none-match": etag } })).status).toBe(304);
  });
});

describe("the submission diff page without a/b", () => {
  it("should say a comparison needs two submissions when there are none", async () => {
    const response = await session.page.goto(`${session.server.base}/problems/sleep/submissions/diff`);
    expect(response?.status()).toBe(200);
    expect(await session.page.getByRole("main").getByRole("status").innerText()).toContain("A comparison needs two submissions of this problem; you have none so far.");
  });

  it("should offer the form with the newest two preselected, which then shows their diff", async () => {
    const cookie = await sessionCookie();
    const ids: string[] = [];
    for (const code of ["export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));\n", "export function sleep(ms: number): Promise<void> {\n  return new Promise((r) => setTimeout(r, ms));\n}\n"]) {
      const created = await fetch(`${session.server.base}/api/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify({ problem: "sleep", code, kind: "run" }),
      });
      expect(created.status).toBeLessThan(300);
      ids.push(((await created.json()) as { id: string }).id);
    }
    await session.page.goto(`${session.server.base}/problems/sleep/submissions/diff`);
    const form = session.page.getByRole("form", { name: "Compare two submissions" });
    expect(await form.getByLabel("From (before)").inputValue()).toBe(ids[0]);
    expect(await form.getByLabel("To (after)").inputValue()).toBe(ids[1]);
    await form.getByRole("button", { name: "Show the diff" }).click();
    await session.page.waitForURL(new RegExp(`diff\\?a=${ids[0]}&b=${ids[1]}$`));
    await session.page.getByRole("heading", { name: "Changes" }).waitFor();
  });

  it("should still answer 404 to ids that are not the user's", async () => {
    const response = await fetch(`${session.server.base}/problems/sleep/submissions/diff?a=nope&b=nothing`, { headers: { cookie: await sessionCookie() }, redirect: "manual" });
    expect(response.status).toBe(404);
  });
});
