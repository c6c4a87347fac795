// A candidate in real Chromium against the built app and a fresh database: signs in, solves `sleep`
// in the CodeMirror editor (Submit -> Accepted, live, without a reload), runs the sample tests, finds
// the draft again after a reload, submits a solution that busy-waits and sees the blocked span in the
// timeline, then finds all three in their history; another candidate gets 404 on the result page.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { describe, expect, it } from "@jest/globals";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { useBrowserSession } from "./support/browser-session";

const GRADING_TIMEOUT_MS = 180_000;

const CORRECT = `export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`;

// Spins for short waits: every macrotask that sleeps 55-100 ms holds the event loop past the 50 ms limit.
const BUSY_WAIT = `export function sleep(ms: number): Promise<void> {
  if (ms > 100) return new Promise((resolve) => setTimeout(resolve, ms));
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
  return Promise.resolve();
}
`;

const session = useBrowserSession("cd-e2e-profile-");

/** Replaces the editor's whole text as typed input (insertText skips auto-closing brackets and indentation). */
async function setEditorCode(code: string) {
  const editor = session.page.getByRole("textbox", { name: "Solution code (TypeScript)" });
  await editor.click();
  await session.page.keyboard.press("ControlOrMeta+A");
  await session.page.keyboard.insertText(code);
}

async function editorText(): Promise<string> {
  return session.page.locator(".cm-content").innerText();
}

async function submitAndWaitForVerdict(verdictLabel: string) {
  await session.page.getByRole("button", { name: "Submit", exact: true }).click();
  await session.page.getByRole("heading", { name: `Verdict: ${verdictLabel}` }).waitFor({ timeout: GRADING_TIMEOUT_MS });
}

describe("candidate in the browser", () => {
  it("should sign in as the demo candidate and land on the problem list", async () => {
    await session.page.goto(`${session.server.base}/signin`);
    await session.page.getByLabel("Email").fill("candidate@example.com");
    await session.page.getByLabel("Password").fill(DEMO_PASSWORD);
    await session.page.getByRole("button", { name: "Sign in" }).click();
    await session.page.waitForURL(`${session.server.base}/problems`);
    expect(await session.page.getByRole("link", { name: /Sleep/ }).count()).toBeGreaterThan(0);
  });

  it("should show the starter code in the editor of the sleep problem", async () => {
    await session.page.goto(`${session.server.base}/problems/sleep`);
    await session.page.getByRole("textbox", { name: "Solution code (TypeScript)" }).waitFor();
    expect(await editorText()).toContain('throw new Error("not implemented")');
  });

  it("should grade a correct solution as Accepted, live on the problem page", async () => {
    const url = session.page.url();
    await setEditorCode(CORRECT);
    await submitAndWaitForVerdict("Accepted");
    expect(session.page.url()).toBe(url);
    expect(await session.page.getByRole("status").first().innerText()).toContain("Graded.");
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should run the same code on the sample tests only", async () => {
    await session.page.getByRole("button", { name: "Run sample tests" }).click();
    await session.page.waitForFunction(() => document.querySelector('[data-testid="submission-status"]')?.textContent?.includes("Run: Graded."), undefined, { timeout: GRADING_TIMEOUT_MS });
    const result = session.page.getByRole("region", { name: "Result" });
    expect(await result.getByRole("heading", { name: "Verdict: Accepted" }).count()).toBe(1);
    expect(await result.locator("tbody tr").allInnerTexts()).toEqual([expect.stringContaining("(sample)"), expect.stringContaining("(sample)")]);
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should keep the draft across a reload and give the starter back on reset", async () => {
    await session.page.reload();
    await session.page.getByRole("textbox", { name: "Solution code (TypeScript)" }).waitFor();
    await session.page.waitForFunction(() => document.querySelector(".cm-content")?.textContent?.includes("setTimeout(resolve, ms)"));
    await session.page.getByRole("button", { name: "Reset to starter" }).click();
    expect(await editorText()).toContain('throw new Error("not implemented")');
  });

  it("should grade a busy-waiting solution as a blocked event loop and draw the blocked span", async () => {
    await setEditorCode(BUSY_WAIT);
    await submitAndWaitForVerdict("Blocked event loop");
    const timeline = session.page.getByTestId("timeline").first();
    expect(await timeline.locator('rect[data-kind="blocked"]').count()).toBeGreaterThan(0);
    expect(await timeline.locator('[data-legend="blocked"]').innerText()).toContain("blocked");
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should list the three submissions in the history, each opening its result page", async () => {
    await session.page.goto(`${session.server.base}/problems/sleep/submissions`);
    const rows = session.page.locator("tbody tr");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toContain("Blocked event loop");
    expect(await rows.nth(1).innerText()).toMatch(/Run \(samples\)[\s\S]*Accepted/);
    expect(await rows.nth(2).innerText()).toMatch(/Submit[\s\S]*Accepted/);
    await rows.nth(0).getByRole("link").first().click(); // the second link in a row is "Diff with previous"
    await session.page.waitForURL(/\/submissions\/[^/]+$/);
    await session.page.getByRole("heading", { name: "Verdict: Blocked event loop" }).waitFor();
    expect(await session.page.locator('[data-testid="timeline"] rect[data-kind="blocked"]').count()).toBeGreaterThan(0);
  });

  it("should answer 404 to another candidate opening that result page", async () => {
    const resultPath = new URL(session.page.url()).pathname;
    const signUp = await fetch(`${session.server.base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Other Candidate", email: "other@example.com", password: "another-password-1" }),
    });
    const cookie = signUp.headers.getSetCookie().find((c) => c.startsWith("cd_session="))?.split(";")[0];
    if (!cookie) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    const response = await fetch(session.server.base + resultPath, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(404);
  });
});
