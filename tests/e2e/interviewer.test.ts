// An interview end to end in real Chromium against the built app and a fresh database, with two browser
// contexts (two people): the interviewer creates an assessment of `sleep` for candidate@example.com and
// copies the invite link; the candidate opens it, signs in, starts, sees the countdown, solves `sleep`
// (Accepted) and hands in; the interviewer reviews it from the queue (notes, score, decision) and saves;
// the candidate's page and API never show the review. Also: a submission once the time is up shows the
// server's refusal in the workspace, a lost link is replaced by a new one, and another candidate gets 404
// on the invite link.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { PrismaClient } from "../../generated/prisma/client";
import { scriptClient } from "../../prisma/seed/client";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { useBrowserSession } from "./support/browser-session";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/chromium";

const GRADING_TIMEOUT_MS = 180_000;

const CORRECT = `export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`;
const NOTES = "Clean promise wrapper; asked about timer drift. INTERNAL-NOTE-42";

let browser: Browser | undefined;
let db: PrismaClient;
let interviewerContext: BrowserContext;
let candidateContext: BrowserContext;
let interviewer: Page;
let candidate: Page;
let inviteUrl = "";
let assessmentId = "";

// Registered before the session's hooks so it runs before the server stops and the database goes
// (jest runs afterAll hooks in the order they are registered).
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const session = useBrowserSession();

beforeAll(async () => {
  db = scriptClient(session.database.url);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  interviewerContext = await browser.newContext();
  await interviewerContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.server.base });
  candidateContext = await browser.newContext();
  interviewer = await interviewerContext.newPage();
  candidate = await candidateContext.newPage();
  interviewer.setDefaultTimeout(30_000);
  candidate.setDefaultTimeout(30_000);
});

async function signIn(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The browser context's session cookie as a "name=value" header, for plain fetches as that person. */
async function cookieOf(context: BrowserContext): Promise<string> {
  const c = (await context.cookies(session.server.base)).find((x) => x.name === "cd_session");
  if (!c) throw new Error("no session cookie in the browser context");
  return `${c.name}=${c.value}`;
}

async function setEditorCode(page: Page, code: string) {
  const editor = page.getByRole("textbox", { name: "Solution code (TypeScript)" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

describe("an interview in the browser", () => {
  it("should let the interviewer create an assessment of sleep for candidate@example.com and copy its invite link", async () => {
    await interviewer.goto(`${session.server.base}/signin`);
    await signIn(interviewer, "interviewer@example.com");
    await interviewer.waitForURL(`${session.server.base}/review`);
    await interviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assessments" }).click();
    await interviewer.waitForURL(`${session.server.base}/interviews`);
    await interviewer.getByRole("link", { name: "New assessment" }).click();
    await interviewer.waitForURL(`${session.server.base}/interviews/new`);

    // Sent empty first: every field says what is missing, nothing is created.
    await interviewer.getByRole("button", { name: "Create assessment" }).click();
    await interviewer.getByText("Pick at least one problem.").waitFor();
    expect(await db.assessment.count()).toBe(0);

    await interviewer.getByLabel("Title").fill("Async basics");
    await interviewer.getByRole("checkbox", { name: /^Sleep \(/ }).check();
    await interviewer.getByLabel("Time limit (minutes)").fill("30");
    await interviewer.getByLabel("Candidate's email").fill("candidate@example.com");
    await interviewer.getByRole("button", { name: "Create assessment" }).click();
    await interviewer.getByRole("heading", { name: "Assessment created" }).waitFor();

    inviteUrl = await interviewer.getByRole("textbox", { name: "Invite link" }).inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${session.server.base}/assessments/invite/[A-Za-z0-9_-]{43}$`));
    await interviewer.getByRole("button", { name: "Copy link" }).click();
    await interviewer.getByText("Copied to the clipboard.").waitFor();
    expect(await interviewer.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
    const row = await db.assessment.findFirstOrThrow({ include: { candidate: true, problems: { include: { problem: true } } } });
    assessmentId = row.id;
    expect(row).toMatchObject({ title: "Async basics", timeLimitMinutes: 30, status: "invited", candidate: { email: "candidate@example.com" } });
    expect(row.problems.map((p) => p.problem.slug)).toEqual(["sleep"]);
  });

  it("should answer 404 to another candidate opening the invite link", async () => {
    const signUp = await fetch(`${session.server.base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Other Candidate", email: "other@example.com", password: "another-password-1" }),
    });
    const cookie = signUp.headers.getSetCookie().find((c) => c.startsWith("cd_session="))?.split(";")[0];
    if (!cookie) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    expect((await fetch(inviteUrl, { headers: { cookie }, redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${session.server.base}/assessments/${assessmentId}`, { headers: { cookie }, redirect: "manual" })).status).toBe(404);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status).toBe("invited");
  });

  it("should take the candidate from the link through sign-in to the assessment, and start the clock on Start", async () => {
    await candidate.goto(inviteUrl);
    await candidate.waitForURL(/\/signin\?next=/);
    await signIn(candidate, "candidate@example.com");
    await candidate.waitForURL(`${session.server.base}/assessments/${assessmentId}`);
    await candidate.getByRole("heading", { name: "Async basics" }).waitFor();
    expect(await candidate.getByTestId("assessment-state").innerText()).toBe("Not started");
    expect(await candidate.getByRole("timer").count()).toBe(0);

    await candidate.getByRole("button", { name: "Start" }).click();
    const timer = candidate.getByRole("timer");
    await timer.waitFor();
    expect(await candidate.getByTestId("assessment-state").innerText()).toBe("In progress");
    const first = await timer.innerText();
    expect(first).toMatch(/^(30:00|29:[0-5]\d)$/);
    // Live: it counts down without a reload.
    await candidate.waitForFunction((shown) => document.querySelector('[role="timer"]')?.textContent !== shown, first, { timeout: 5_000 });
    const row = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(row.status).toBe("in_progress");
    expect(row.deadline!.getTime() - row.startedAt!.getTime()).toBe(30 * 60_000);
  });

  it("should grade the candidate's sleep as Accepted in the assessment's workspace, tagged with the assessment", async () => {
    await candidate.getByRole("link", { name: "Sleep" }).click();
    await candidate.waitForURL(`${session.server.base}/assessments/${assessmentId}/problems/sleep`);
    await candidate.getByRole("timer").waitFor();
    await setEditorCode(candidate, CORRECT);
    await candidate.getByRole("button", { name: "Submit", exact: true }).click();
    await candidate.getByRole("heading", { name: "Verdict: Accepted" }).waitFor({ timeout: GRADING_TIMEOUT_MS });
    const submissions = await db.submission.findMany({ where: { assessmentId } });
    expect(submissions.map((s) => [s.kind, s.verdict])).toEqual([["submit", "accepted"]]);
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should hand in on Finish and list the last submission", async () => {
    await candidate.getByRole("link", { name: "Back to Async basics" }).first().click();
    await candidate.waitForURL(`${session.server.base}/assessments/${assessmentId}`);
    expect(await candidate.getByRole("listitem").filter({ hasText: "Sleep" }).innerText()).toContain("Accepted");
    await candidate.getByRole("button", { name: "Finish" }).click();
    await candidate.getByText("You handed this assessment in").waitFor();
    expect(await candidate.getByTestId("assessment-state").innerText()).toBe("Handed in");
    expect(await candidate.getByRole("timer").count()).toBe(0);
    expect(await candidate.getByRole("button", { name: "Finish" }).count()).toBe(0);
    const refused = await fetch(`${session.server.base}/api/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await cookieOf(candidateContext) },
      body: JSON.stringify({ problem: "sleep", code: CORRECT, assessment: assessmentId }),
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "assessment_handed_in" });
  });

  it("should let the interviewer review it from the queue: code, report, notes, score and decision", async () => {
    await interviewer.goto(`${session.server.base}/review`);
    await interviewer.getByRole("link", { name: "Async basics" }).click();
    await interviewer.waitForURL(`${session.server.base}/review/${assessmentId}`);
    expect(await interviewer.getByRole("region", { name: /Sleep/ }).locator("pre code").innerText()).toContain("setTimeout(resolve, ms)");
    await interviewer.getByRole("heading", { name: "Verdict: Accepted" }).waitFor();
    expect(await interviewer.getByTestId("timeline").count()).toBeGreaterThan(0);

    await interviewer.getByLabel("Sleep", { exact: true }).selectOption("4");
    await interviewer.getByLabel("Notes").fill(NOTES);
    await interviewer.getByRole("radio", { name: "Advance" }).check();
    await interviewer.getByRole("button", { name: "Save review" }).click();
    await interviewer.getByText("Review saved.").waitFor();

    const review = await db.review.findUniqueOrThrow({ where: { assessmentId } });
    expect(review).toMatchObject({ notes: NOTES, decision: "advance", rubric: { scores: { sleep: 4 } }, rubricScore: 4 });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status).toBe("reviewed");

    // Saved for real: a fresh load shows it, and the decided assessment has left the queue.
    await interviewer.reload();
    expect(await interviewer.getByLabel("Notes").inputValue()).toBe(NOTES);
    expect(await interviewer.getByLabel("Sleep", { exact: true }).inputValue()).toBe("4");
    expect(await interviewer.getByRole("radio", { name: "Advance" }).isChecked()).toBe(true);
    await interviewer.goto(`${session.server.base}/review`);
    await interviewer.getByText("Nothing to review.").waitFor();
  });

  it("should never show the candidate the notes, score or decision", async () => {
    await candidate.goto(`${session.server.base}/assessments/${assessmentId}`);
    await candidate.getByRole("heading", { name: "Async basics" }).waitFor();
    const html = await candidate.content();
    expect(html).not.toContain("INTERNAL-NOTE-42");
    expect(html).not.toMatch(/Advance/);
    const cookie = await cookieOf(candidateContext);
    const own = await fetch(`${session.server.base}/api/assessments/${assessmentId}`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(await own.text()).not.toMatch(/INTERNAL-NOTE-42|advance|rubric/);
    expect((await fetch(`${session.server.base}/api/review/${assessmentId}`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${session.server.base}/review/${assessmentId}`, { headers: { cookie }, redirect: "manual" })).status).toBe(403);
    // Nor may a candidate create assessments, or an interviewer start or hand in the candidate's.
    const json = { "content-type": "application/json" };
    const create = await fetch(`${session.server.base}/api/assessments`, { method: "POST", headers: { ...json, cookie }, body: JSON.stringify({ title: "x", problems: ["sleep"], timeLimitMinutes: 5, candidateEmail: "candidate@example.com" }) });
    expect(create.status).toBe(403);
    const asInterviewer = { ...json, cookie: await cookieOf(interviewerContext) };
    expect((await fetch(`${session.server.base}/api/assessments/${assessmentId}/start`, { method: "POST", headers: asInterviewer })).status).toBe(403);
    expect((await fetch(`${session.server.base}/api/assessments/${assessmentId}/finish`, { method: "POST", headers: asInterviewer })).status).toBe(403);
  });

  it("should show the server's refusal in the workspace when the time runs out while the candidate is still editing", async () => {
    // A second assessment through the API as the interviewer; its clock is then moved past the deadline
    // while the candidate has the problem open, as if the time had run out there.
    const created = await fetch(`${session.server.base}/api/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await cookieOf(interviewerContext) },
      body: JSON.stringify({ title: "Out of time", problems: ["sleep"], timeLimitMinutes: 5, candidateEmail: "candidate@example.com" }),
    });
    expect(created.status).toBe(201);
    const { id, invitePath } = (await created.json()) as { id: string; invitePath: string };
    // The interviewer lost that link: a new one from the assessment's page replaces it.
    await interviewer.goto(`${session.server.base}/review/${id}`);
    await interviewer.getByRole("button", { name: "Make a new invite link" }).click();
    const newLink = await interviewer.getByRole("textbox", { name: "Invite link" }).inputValue();
    expect(newLink).not.toBe(session.server.base + invitePath);
    const candidateCookie = await cookieOf(candidateContext);
    expect((await fetch(session.server.base + invitePath, { headers: { cookie: candidateCookie }, redirect: "manual" })).status).toBe(404);
    await candidate.goto(newLink);
    await candidate.waitForURL(`${session.server.base}/assessments/${id}`);
    await candidate.getByRole("button", { name: "Start" }).click();
    await candidate.getByRole("timer").waitFor();
    await candidate.goto(`${session.server.base}/assessments/${id}/problems/sleep`);
    await setEditorCode(candidate, CORRECT);
    await db.assessment.update({ where: { id }, data: { deadline: new Date(Date.now() - 1_000) } });

    await candidate.getByRole("button", { name: "Submit", exact: true }).click();
    await candidate.getByRole("alert").filter({ hasText: "time is up" }).waitFor();
    expect(await candidate.getByRole("alert").filter({ hasText: "time is up" }).innerText()).toContain("submissions after the deadline are not accepted");
    expect(await db.submission.count({ where: { assessmentId: id } })).toBe(0);
    await candidate.goto(`${session.server.base}/assessments/${id}`);
    expect(await candidate.getByTestId("assessment-state").innerText()).toBe("Handed in (time ran out)");
  });
});
