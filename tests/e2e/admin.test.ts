// An admin in real Chromium against the built app and a fresh database writes a new problem from scratch
// (add-async: statement with live preview, driver, tests, one reference and one known-wrong solution),
// sees a broken tests JSON refused with its message, creates it, validates it in the grader pool
// (reference Accepted, wrong solution its tagged Wrong answer), saves edits (a version saved meanwhile in
// another tab is not silently replaced), publishes it; then a candidate signs in,
// opens it, submits a correct solution and sees Accepted.
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); CI installs it.
import { describe, expect, it } from "@jest/globals";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-users";
import { useBrowserSession } from "./support/browser-session";

const GRADING_TIMEOUT_MS = 180_000;

const STARTER = `export async function addAsync(a: number, b: number): Promise<number> {
  throw new Error("not implemented");
}
`;
const DRIVER = `export async function run(input: { a: number; b: number }, solution: { addAsync(a: number, b: number): Promise<number> }): Promise<number> {
  return await solution.addAsync(input.a, input.b);
}
`;
const REFERENCE = `export async function addAsync(a: number, b: number): Promise<number> {
  return a + b;
}
`;
const SUBTRACTS = `export async function addAsync(a: number, b: number): Promise<number> {
  return a - b;
}
`;
const CANDIDATE = `export function addAsync(a: number, b: number): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(a + b), 1));
}
`;
const TESTS = JSON.stringify([
  { name: "two and three", sample: true, input: { a: 2, b: 3 }, expected: 5 },
  { name: "negative", sample: false, input: { a: -7, b: 4 }, expected: -3 },
  { name: "zeros", sample: false, input: { a: 0, b: 0 }, expected: 0 },
]);

const session = useBrowserSession("cd-e2e-admin-profile-");

/** Replaces a CodeMirror editor's whole text as typed input (insertText skips auto-closing brackets and indentation). */
async function setEditorCode(label: string, code: string) {
  const editor = session.page.getByRole("textbox", { name: label, exact: true });
  await editor.click();
  await session.page.keyboard.press("ControlOrMeta+A");
  await session.page.keyboard.insertText(code);
}

async function signIn(email: string, landing: string) {
  await session.page.goto(`${session.server.base}/signin`);
  await session.page.getByLabel("Email").fill(email);
  await session.page.getByLabel("Password").fill(DEMO_PASSWORD);
  await session.page.getByRole("button", { name: "Sign in" }).click();
  await session.page.waitForURL(`${session.server.base}${landing}`);
}

describe("admin writes, validates and publishes a problem; a candidate solves it", () => {
  it("should open the new-problem editor from the admin's problem list", async () => {
    await signIn("admin@example.com", "/admin/problems");
    await session.page.getByRole("link", { name: "New problem" }).click();
    await session.page.waitForURL(`${session.server.base}/admin/problems/new`);
    await session.page.getByRole("heading", { name: "New problem" }).waitFor();
  });

  it("should render the statement preview as the candidate page does, while typing", async () => {
    await session.page.getByLabel("Statement (Markdown)").fill("# Add, asynchronously\n\nResolve with **a + b**.\n\n<script>window.pwned = 1</script>");
    const preview = session.page.getByRole("region", { name: "Preview" });
    await preview.locator("strong", { hasText: "a + b" }).waitFor();
    expect(await preview.innerText()).toContain("<script>window.pwned = 1</script>");
    expect(await preview.locator("h1").count()).toBe(0);
  });

  it("should refuse a broken tests JSON, saying so before and after saving", async () => {
    await session.page.getByLabel("Slug").fill("add-async");
    await session.page.getByLabel("Title").fill("Add, asynchronously");
    await session.page.getByLabel("Exports (comma-separated)").fill("addAsync");
    await setEditorCode("Starter code (TypeScript)", STARTER);
    await setEditorCode("Driver (driver.ts)", DRIVER);
    await setEditorCode("Reference solution 1 (TypeScript)", REFERENCE);
    await session.page.getByLabel("Wrong solution 1: file name").fill("subtracts.ts");
    await session.page.getByLabel("Wrong solution 1: expected verdict").selectOption("wrong_answer");
    await setEditorCode("Wrong solution 1 (TypeScript)", SUBTRACTS);
    await session.page.getByLabel("Tests (JSON)").fill('[{ "name": "two and three", ');
    expect(await session.page.locator("#tests-check").innerText()).toMatch(/Not valid JSON/);
    await session.page.getByRole("button", { name: "Create problem" }).click();
    const alert = session.page.getByRole("alert").filter({ hasText: "The package is not valid" });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/tests: Not valid JSON/);
    expect(session.page.url()).toBe(`${session.server.base}/admin/problems/new`);
  });

  it("should create the problem, unpublished, at version 1", async () => {
    await session.page.getByLabel("Tests (JSON)").fill(TESTS);
    expect(await session.page.locator("#tests-check").innerText()).toBe("3 tests: 1 sample, 2 hidden. Samples run first.");
    await session.page.getByRole("button", { name: "Create problem" }).click();
    await session.page.waitForURL(`${session.server.base}/admin/problems/add-async/edit?created=1`);
    expect(await session.page.getByTestId("published-state").innerText()).toBe("Unpublished");
    const versions = session.page.getByRole("region", { name: "Versions" });
    expect(await versions.locator("tbody tr").count()).toBe(1);
    expect(await versions.locator("tbody tr").first().innerText()).toMatch(/v1[\s\S]*current[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it("should validate it in the grader pool: reference Accepted, the wrong one its tagged verdict", async () => {
    await session.page.getByRole("button", { name: "Validate", exact: true }).click();
    await session.page.getByTestId("validation-status").filter({ hasText: "Passed: every solution got the verdict it must get." }).waitFor({ timeout: GRADING_TIMEOUT_MS });
    const rows = session.page.getByTestId("validation-table").locator("tbody tr");
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/solutions\/reference\.ts\s+Accepted\s+Accepted\s+OK/),
      expect.stringMatching(/wrong\/subtracts\.ts\s+Wrong answer\s+Wrong answer\s+OK/),
    ]);
    // Stored: a reload shows the same result.
    await session.page.reload();
    await session.page.getByTestId("validation-status").filter({ hasText: "Passed" }).waitFor();
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should save an edit as version 2, listed with its date, with the validation left to run again", async () => {
    await session.page.getByLabel("Statement (Markdown)").fill("# Add, asynchronously\n\nResolve with **a + b**, never blocking.");
    await session.page.getByRole("button", { name: "Save as new version" }).click();
    await session.page.getByText("Saved as version 2.", { exact: false }).first().waitFor();
    const rows = session.page.getByRole("region", { name: "Versions" }).locator("tbody tr");
    await session.page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="versions-heading"] tbody tr').length === 2);
    expect(await rows.nth(0).innerText()).toMatch(/v2[\s\S]*current/);
    expect(await rows.nth(1).innerText()).toMatch(/^v1/);
    await session.page.getByRole("heading", { name: "Validate version 2" }).waitFor();
    expect(await session.page.getByTestId("validation-status").innerText()).toContain("Not validated yet.");
  });

  it("should refuse to replace a version saved meanwhile in another tab, unless asked to", async () => {
    const other = await session.context.newPage();
    await other.goto(`${session.server.base}/admin/problems/add-async/edit`);
    await other.getByLabel("Title").fill("Add, asynchronously (other tab)");
    await other.getByRole("button", { name: "Save as new version" }).click();
    await other.getByText("Saved as version 3.", { exact: false }).first().waitFor();
    await other.close();

    await session.page.getByLabel("Statement (Markdown)").fill("# Add, asynchronously\n\nResolve with **a + b**, never blocking. Mind negative numbers.");
    await session.page.getByRole("button", { name: "Save as new version" }).click();
    const alert = session.page.getByRole("alert").filter({ hasText: "was saved after you opened this editor" });
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Version 3");
    await alert.getByRole("button", { name: "Save mine anyway" }).click();
    await session.page.getByText("Saved as version 4.", { exact: false }).first().waitFor();
  });

  it("should publish it", async () => {
    await session.page.getByRole("button", { name: "Publish", exact: true }).click();
    await session.page.getByTestId("published-state").filter({ hasText: /^Published$/ }).waitFor();
  });

  it("should let a candidate open it and get Accepted for a correct solution", async () => {
    await session.page.getByRole("button", { name: "Sign out" }).click();
    await session.page.waitForURL((url) => !url.pathname.startsWith("/admin"));
    await signIn("candidate@example.com", "/problems");
    await session.page.getByRole("link", { name: /Add, asynchronously/ }).click();
    await session.page.waitForURL(`${session.server.base}/problems/add-async`);
    expect(await session.page.locator(".prose-statement").innerText()).toContain("Resolve with a + b, never blocking.");
    await session.page.getByRole("textbox", { name: "Solution code (TypeScript)" }).waitFor();
    await session.page.waitForFunction(() => document.querySelector(".cm-content")?.textContent?.includes("not implemented"));
    await setEditorCode("Solution code (TypeScript)", CANDIDATE);
    await session.page.getByRole("button", { name: "Submit", exact: true }).click();
    await session.page.getByRole("heading", { name: "Verdict: Accepted" }).waitFor({ timeout: GRADING_TIMEOUT_MS });
  }, GRADING_TIMEOUT_MS + 30_000);

  it("should let the candidate create an API token in the browser, shown once, that works as a bearer token, then revoke it", async () => {
    await session.page.getByRole("link", { name: "API tokens" }).click();
    await session.page.waitForURL(`${session.server.base}/account/tokens`);
    await session.page.getByLabel("Token name").fill("e2e script");
    await session.page.getByRole("button", { name: "Create token" }).click();
    const token = await session.page.getByLabel("Your new token").inputValue();
    expect(token).toMatch(/^cdt_/);
    const me = await fetch(`${session.server.base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("candidate@example.com");
    await session.page.reload();
    expect(await session.page.getByLabel("Your new token").count()).toBe(0);
    await session.page.getByRole("button", { name: "Revoke e2e script" }).click();
    await session.page.getByText(/^revoked /).waitFor();
    expect((await fetch(`${session.server.base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("should answer 403 to a candidate on every admin page", async () => {
    const cookies = await session.context.cookies(session.server.base);
    const cookie = cookies.filter((c) => c.name === "cd_session").map((c) => `${c.name}=${c.value}`).join("; ");
    for (const p of ["/admin/problems", "/admin/problems/new", "/admin/problems/import", "/admin/problems/add-async/edit", "/admin/users"]) {
      const res = await fetch(session.server.base + p, { headers: { cookie }, redirect: "manual" });
      expect([p, res.status]).toEqual([p, 403]);
    }
  });

  it("should let the admin disable the candidate, whose sign-in is then refused, and enable them again", async () => {
    await session.page.getByRole("button", { name: "Sign out" }).click();
    // The sign-out redirect is relative, so the browser stays on the host it used.
    await session.page.waitForURL(`${session.server.base}/signin`);
    await signIn("admin@example.com", "/admin/problems");
    await session.page.getByRole("link", { name: "Users" }).click();
    const row = session.page.locator('tr[data-email="candidate@example.com"]');
    await row.getByRole("button", { name: "Disable Casey Candidate" }).click();
    await row.getByRole("button", { name: "Enable Casey Candidate" }).waitFor();
    expect(await row.innerText()).toContain("disabled");
    const signInAs = () => fetch(`${session.server.base}/api/auth/signin`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "candidate@example.com", password: DEMO_PASSWORD }) });
    const refused = await signInAs();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/disabled/);
    // The admin's own row offers no way to lock themselves out.
    expect(await session.page.locator('tr[data-email="admin@example.com"]').getByRole("button").count()).toBe(0);
    await row.getByRole("button", { name: "Enable Casey Candidate" }).click();
    await row.getByRole("button", { name: "Disable Casey Candidate" }).waitFor();
    expect((await signInAs()).status).toBe(200);
  });

  it("should export version 1 as a file and import that file back as a new current version", async () => {
    await session.page.goto(`${session.server.base}/admin/problems/add-async/edit`);
    const [download] = await Promise.all([session.page.waitForEvent("download"), session.page.getByRole("link", { name: "Export v1" }).click()]);
    expect(download.suggestedFilename()).toBe("add-async-v1.json");
    const file = await download.path();
    await session.page.goto(`${session.server.base}/admin/problems/import`);
    await session.page.getByLabel("Bundle file (.json)").setInputFiles(file);
    await session.page.waitForFunction(() => (document.getElementById("bundle-text") as HTMLTextAreaElement | null)?.value.includes('"problem.json"'));
    await session.page.getByRole("button", { name: "Import" }).click();
    const done = session.page.getByRole("status").filter({ hasText: "Updated to" });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Updated to add-async version 5/);
    await done.getByRole("link", { name: "Open it" }).click();
    await session.page.waitForURL(`${session.server.base}/admin/problems/add-async/edit`);
    expect(await session.page.getByLabel("Statement (Markdown)").inputValue()).toContain("Resolve with **a + b**.\n\n<script>");
  });

  it("should show a broken bundle's problems by file", async () => {
    await session.page.goto(`${session.server.base}/admin/problems/import`);
    await session.page.getByLabel("Bundle (JSON)").fill(JSON.stringify({ files: { "problem.json": "{}", "notes.txt": "x" } }));
    await session.page.getByRole("button", { name: "Import" }).click();
    const alert = session.page.getByRole("alert").filter({ hasText: "The package is not valid" });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/notes\.txt: not a package file/);
    expect(text).toMatch(/driver\.ts: missing/);
  });
});
