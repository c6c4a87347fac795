// The seed that npm install and npm start run: idempotent, versioned problem loading, broken packages skipped.
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scriptClient } from "../../prisma/seed/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "../../prisma/seed/demo-users";
import { syncProblems } from "../../prisma/seed/problem-sync";
import { verifyPassword } from "../../app/_server/auth/password";
import { createTempDatabase } from "./support/temp-database";

const database = createTempDatabase();
const db = scriptClient(database.url);
const problemsRoot = mkdtempSync(path.join(tmpdir(), "cd-problems-"));

function writePackage(slug: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(problemsRoot, slug, name)), { recursive: true });
    writeFileSync(path.join(problemsRoot, slug, name), text);
  }
}

function validPackage(slug: string, statement = "# Add\n\nReturn a + b.") {
  return {
    "problem.json": JSON.stringify({ slug, title: `Title of ${slug}`, track: "async", difficulty: "easy", version: 1, exports: ["add"] }),
    "statement.md": statement,
    "starter.ts": "export function add(a: number, b: number): number {\n  return 0;\n}\n",
    "driver.ts": "export async function run(input: any, s: any) { return s.add(input.a, input.b); }\n",
    "tests.json": JSON.stringify([{ name: "one", sample: true, input: { a: 1, b: 2 }, expected: 3 }]),
    "solutions/reference.ts": "export function add(a: number, b: number) { return a + b; }\n",
  };
}

afterAll(async () => {
  await db.$disconnect();
  database.remove();
  rmSync(problemsRoot, { recursive: true, force: true });
});

describe("seedDemoUsers", () => {
  it("should create the three demo accounts once, with the documented password", async () => {
    expect(await seedDemoUsers(db)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(await seedDemoUsers(db)).toEqual([]);
    const users = await db.user.findMany({ select: { email: true, role: true, passwordHash: true }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.com", "admin"],
      ["candidate@example.com", "candidate"],
      ["interviewer@example.com", "interviewer"],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0].passwordHash)).toBe(true);
  });
});

describe("syncProblems", () => {
  it("should load zero problems from an empty folder without failing", async () => {
    expect(await syncProblems(db, problemsRoot)).toEqual([]);
  });

  it("should create version 1, then store nothing new when run again on the same content", async () => {
    writePackage("add-two", validPackage("add-two"));
    expect(await syncProblems(db, problemsRoot)).toEqual([{ slug: "add-two", status: "created", version: 1 }]);
    expect(await syncProblems(db, problemsRoot)).toEqual([{ slug: "add-two", status: "unchanged", version: 1 }]);
    expect(await db.problemVersion.count()).toBe(1);
    const version = await db.problemVersion.findFirstOrThrow({ select: { statement: true, starter: true, package: true } });
    expect(version.statement).toContain("Return a + b.");
    expect(version.package).toMatchObject({ config: { slug: "add-two" }, solutions: { "reference.ts": expect.any(String) } });
  });

  it("should add version 2 when the package changes, keep version 1, and keep an admin's unpublish", async () => {
    await db.problem.update({ where: { slug: "add-two" }, data: { published: false } });
    writePackage("add-two", validPackage("add-two", "# Add\n\nReturn the sum of a and b."));
    expect(await syncProblems(db, problemsRoot)).toEqual([{ slug: "add-two", status: "updated", version: 2 }]);
    const problem = await db.problem.findUniqueOrThrow({ where: { slug: "add-two" }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(problem.currentVersion).toBe(2);
    expect(problem.published).toBe(false);
    expect(problem.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(problem.versions[0].statement).toContain("Return a + b.");
  });

  it("should skip a broken package with its reason and still load the others", async () => {
    const broken = validPackage("broken-one") as Record<string, string>;
    delete broken["statement.md"];
    writePackage("broken-one", broken);
    writePackage("zz-good", validPackage("zz-good"));
    const outcomes = await syncProblems(db, problemsRoot);
    expect(outcomes).toEqual([
      { slug: "add-two", status: "unchanged", version: 2 },
      { slug: "broken-one", status: "skipped", reason: expect.stringContaining("statement.md") },
      { slug: "zz-good", status: "created", version: 1 },
    ]);
    expect(await db.problem.findUnique({ where: { slug: "broken-one" } })).toBeNull();
  });
});
