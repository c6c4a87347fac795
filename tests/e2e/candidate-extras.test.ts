// A candidate in real Chromium against the built app and a fresh database: narrows the problem list with
// the filter form (track, status, search; the URL holds the filters, so the same list comes back without
// JavaScript), runs promise-pool's samples and sees concurrency against the limit, then compares a run
// and a submit of it on the history page. Another candidate gets 404 for that diff.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { startAppServer, type AppServer } from "../app/support/app-server";
import { createTempDatabase } from "../app/support/temp-database";
import { launchPersistentPage, requireChromium } from "./support/chromium";

const GRADING_TIMEOUT_MS = 180_000;
const ROOT = path.resolve(__dirname, "..", "..");

const REFERENCE = readFileSync(path.join(ROOT, "problems", "promise-pool", "solutions", "reference.ts"), "utf8");
const EDITED = REFERENCE.replace("let failed = false;", "let failed = false; // stop on the first rejection");

const database = createTempDatabase();
const profileDir = mkdtempSync(path.join(tmpdir(), "cd-e2e-extras-"));
let server: AppServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let diffPath = "";

beforeAll(async () => {
  requireChromium();
  server = await startAppServer(database.url, 9 * 60_000);
  ({ context, page } = await launchPersistentPage(profileDir));
}, 10 * 60_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  rmSync(profileDir, { recursive: true, force: true });
  database.remove();
});

async function setEditorCode(code: string) {
  const editor = page.getByRole("textbox", { name: "Solution code (TypeScript)" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

const listedTitles = () => page.getByRole("list", { name: "Problems" }).locator("li span.font-medium").allInnerTexts();

describe("candidate extras in the browser", () => {
  it("should sign in as the demo candidate", async () => {
    await page.goto(`${server!.base}/signin`);
    await page.getByLabel("Email").fill("candidate@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server!.base}/problems`);
  });

  it("should filter the list by track with the form, keeping the filter in the URL", async () => {
    const all = await listedTitles();
    await page.getByLabel("Track").selectOption("workers");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/track=workers/);
    const workers = await listedTitles();
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.length).toBeLessThan(all.length);
    expect(workers).toContain("Count primes on worker threads");
    for (const badge of await page.getByRole("list", { name: "Problems" }).locator("li").allInnerTexts()) expect(badge).toContain("workers");
    // Server-side filtering: the same URL without a browser gives the same list.
    const cookie = (await context!.cookies()).find((c) => c.name === "cd_session")!;
    const html = await (await fetch(page.url(), { headers: { cookie: `cd_session=${cookie.value}` } })).text();
    expect(html).toContain("Count primes on worker threads");
    expect(html).not.toContain(">Promise pool<");
  });

  it("should say so when nothing matches, then search by title", async () => {
    await page.getByLabel("Status").selectOption("solved");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("No problems match these filters.").waitFor();
    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await page.waitForURL(`${server!.base}/problems`);
    // The form shows the cleared filters too, or the next search would quietly send the old ones again.
    expect(await page.getByLabel("Track").inputValue()).toBe("");
    expect(await page.getByLabel("Status").inputValue()).toBe("");
    await page.getByLabel("Search title or slug").fill("pool");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(`${server!.base}/problems?q=pool&track=&difficulty=&status=`);
    expect((await listedTitles()).sort()).toEqual(["A process pool: map over reusable workers", "Promise pool"]);
  });

  it("should draw tasks in flight against the limit of 2 after running promise-pool's samples", async () => {
    await page.getByRole("link", { name: /^Promise pool/ }).click();
    await page.waitForURL(/\/problems\/promise-pool$/);
    await setEditorCode(REFERENCE);
    await page.getByRole("button", { name: "Run sample tests" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="submission-status"]')?.textContent?.includes("Run: Graded."), undefined, { timeout: GRADING_TIMEOUT_MS });
    const result = page.getByRole("region", { name: "Result" });
    await result.getByRole("heading", { name: "Verdict: Accepted" }).waitFor();
    const chart = result.getByTestId("concurrency-chart").first();
    expect(await chart.locator("g[data-limit]").getAttribute("data-limit")).toBe("2");
    expect(await chart.locator("path[data-peak]").getAttribute("data-peak")).toBe("2");
    expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(/at most 2 tasks in flight at once; limit 2/);
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should show a line diff between the run and an edited submit from the history page", async () => {
    await setEditorCode(EDITED);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="submission-status"]')?.textContent?.startsWith("Submission:"));
    await page.goto(`${server!.base}/problems/promise-pool/submissions`);
    expect(await page.locator("tbody tr").count()).toBe(2);
    // Defaults: from the older (the run) to the newest (the submit).
    await page.getByRole("button", { name: "Show the diff" }).click();
    await page.waitForURL(/\/problems\/promise-pool\/submissions\/diff\?a=[^&]+&b=[^&]+$/);
    expect(await page.getByTestId("diff-stats").innerText()).toBe("1 line removed, 1 added");
    expect(await page.locator('tr[data-diff="added"]').innerText()).toContain("// stop on the first rejection");
    expect(await page.locator('tr[data-diff="removed"]').innerText()).toContain("let failed = false;");
    diffPath = new URL(page.url()).pathname + new URL(page.url()).search;
  });

  it("should answer 404 to another candidate opening that diff", async () => {
    const signUp = await fetch(`${server!.base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Other Candidate", email: "other-extras@example.com", password: "another-password-1" }),
    });
    const cookie = signUp.headers.getSetCookie().find((c) => c.startsWith("cd_session="))?.split(";")[0];
    if (!cookie) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    expect(diffPath).toContain("a=");
    expect((await fetch(server!.base + diffPath, { headers: { cookie }, redirect: "manual" })).status).toBe(404);
    // The owner still gets it, so the 404 above is about ownership, not a broken URL.
    const mine = (await context!.cookies()).find((c) => c.name === "cd_session")!;
    expect((await fetch(server!.base + diffPath, { headers: { cookie: `cd_session=${mine.value}` }, redirect: "manual" })).status).toBe(200);
  });
});
