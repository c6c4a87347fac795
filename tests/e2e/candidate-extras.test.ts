// A candidate in real Chromium against the built app and a fresh database: narrows the problem list with
// the filter form (track, status, search; the URL holds the filters, so the same list comes back without
// JavaScript), runs promise-pool's samples and sees concurrency against the limit, then compares a run
// and a submit of it on the history page. Another candidate gets 404 for that diff.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { useBrowserSession } from "./support/browser-session";

const GRADING_TIMEOUT_MS = 180_000;
const ROOT = path.resolve(__dirname, "..", "..");

const REFERENCE = readFileSync(path.join(ROOT, "problems", "promise-pool", "solutions", "reference.ts"), "utf8");
const EDITED = REFERENCE.replace("let failed = false;", "let failed = false; // stop on the first rejection");

const session = useBrowserSession("cd-e2e-extras-");
let diffPath = "";

async function setEditorCode(code: string) {
  const editor = session.page.getByRole("textbox", { name: "Solution code (TypeScript)" });
  await editor.click();
  await session.page.keyboard.press("ControlOrMeta+A");
  await session.page.keyboard.insertText(code);
}

const listedTitles = () => session.page.getByRole("list", { name: "Problems" }).locator("li span.font-medium").allInnerTexts();

describe("candidate extras in the browser", () => {
  it("should sign in as the demo candidate", async () => {
    await session.page.goto(`${session.server.base}/signin`);
    await session.page.getByLabel("Email").fill("candidate@example.com");
    await session.page.getByLabel("Password").fill(DEMO_PASSWORD);
    await session.page.getByRole("button", { name: "Sign in" }).click();
    await session.page.waitForURL(`${session.server.base}/problems`);
  });

  it("should filter the list by track with the form, keeping the filter in the URL", async () => {
    const all = await listedTitles();
    await session.page.getByLabel("Track").selectOption("workers");
    await session.page.getByRole("button", { name: "Filter" }).click();
    await session.page.waitForURL(/track=workers/);
    const workers = await listedTitles();
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.length).toBeLessThan(all.length);
    expect(workers).toContain("Count primes on worker threads");
    for (const badge of await session.page.getByRole("list", { name: "Problems" }).locator("li").allInnerTexts()) expect(badge).toContain("workers");
    // Server-side filtering: the same URL without a browser gives the same list.
    const cookie = (await session.context.cookies()).find((c) => c.name === "cd_session")!;
    const html = await (await fetch(session.page.url(), { headers: { cookie: `cd_session=${cookie.value}` } })).text();
    expect(html).toContain("Count primes on worker threads");
    expect(html).not.toContain(">Promise pool<");
  });

  it("should say so when nothing matches, then search by title", async () => {
    await session.page.getByLabel("Status").selectOption("solved");
    await session.page.getByRole("button", { name: "Filter" }).click();
    await session.page.getByText("No problems match these filters.").waitFor();
    await session.page.getByRole("link", { name: "Clear filters" }).first().click();
    await session.page.waitForURL(`${session.server.base}/problems`);
    // The form shows the cleared filters too, or the next search would quietly send the old ones again.
    expect(await session.page.getByLabel("Track").inputValue()).toBe("");
    expect(await session.page.getByLabel("Status").inputValue()).toBe("");
    await session.page.getByLabel("Search title or slug").fill("pool");
    await session.page.getByRole("button", { name: "Filter" }).click();
    await session.page.waitForURL(`${session.server.base}/problems?q=pool&track=&difficulty=&status=`);
    expect((await listedTitles()).sort()).toEqual(["A process pool: map over reusable workers", "Promise pool"]);
  });

  it("should draw tasks in flight against the limit of 2 after running promise-pool's samples", async () => {
    await session.page.getByRole("link", { name: /^Promise pool/ }).click();
    await session.page.waitForURL(/\/problems\/promise-pool$/);
    await setEditorCode(REFERENCE);
    await session.page.getByRole("button", { name: "Run sample tests" }).click();
    await session.page.waitForFunction(() => document.querySelector('[data-testid="submission-status"]')?.textContent?.includes("Run: Graded."), undefined, { timeout: GRADING_TIMEOUT_MS });
    const result = session.page.getByRole("region", { name: "Result" });
    await result.getByRole("heading", { name: "Verdict: Accepted" }).waitFor();
    const chart = result.getByTestId("concurrency-chart").first();
    expect(await chart.locator("g[data-limit]").getAttribute("data-limit")).toBe("2");
    expect(await chart.locator("path[data-peak]").getAttribute("data-peak")).toBe("2");
    expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(/at most 2 tasks in flight at once; limit 2/);
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should show a line diff between the run and an edited submit from the history page", async () => {
    await setEditorCode(EDITED);
    await session.page.getByRole("button", { name: "Submit", exact: true }).click();
    await session.page.waitForFunction(() => document.querySelector('[data-testid="submission-status"]')?.textContent?.startsWith("Submission:"));
    await session.page.goto(`${session.server.base}/problems/promise-pool/submissions`);
    expect(await session.page.locator("tbody tr").count()).toBe(2);
    // Defaults: from the older (the run) to the newest (the submit).
    await session.page.getByRole("button", { name: "Show the diff" }).click();
    await session.page.waitForURL(/\/problems\/promise-pool\/submissions\/diff\?a=[^&]+&b=[^&]+$/);
    expect(await session.page.getByTestId("diff-stats").innerText()).toBe("1 line removed, 1 added");
    expect(await session.page.locator('tr[data-diff="added"]').innerText()).toContain("// stop on the first rejection");
    expect(await session.page.locator('tr[data-diff="removed"]').innerText()).toContain("let failed = false;");
    diffPath = new URL(session.page.url()).pathname + new URL(session.page.url()).search;
  });

  it("should answer 404 to another candidate opening that diff", async () => {
    const signUp = await fetch(`${session.server.base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Other Candidate", email: "other-extras@example.com", password: "another-password-1" }),
    });
    const cookie = signUp.headers.getSetCookie().find((c) => c.startsWith("cd_session="))?.split(";")[0];
    if (!cookie) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    expect(diffPath).toContain("a=");
    expect((await fetch(session.server.base + diffPath, { headers: { cookie }, redirect: "manual" })).status).toBe(404);
    // The owner still gets it, so the 404 above is about ownership, not a broken URL.
    const mine = (await session.context.cookies()).find((c) => c.name === "cd_session")!;
    expect((await fetch(session.server.base + diffPath, { headers: { cookie: `cd_session=${mine.value}` }, redirect: "manual" })).status).toBe(200);
  });
});
