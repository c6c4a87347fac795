/** The grade command's argument handling (no grading: every case here must stop before the pool). */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const FIXTURE = "tests/fixtures/grader/packages/double";

function grade(...args: string[]) {
  const r = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grade.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run grade: bad arguments", () => {
  it.each([
    [[], "expected a problem and a solution file"],
    [["no-such-problem", "x.ts"], 'no problem "no-such-problem"'],
    [[FIXTURE, "missing.ts"], "no such solution file: missing.ts"],
    [[FIXTURE, `${FIXTURE}/solutions/reference.ts`, "--seed", "-3"], "--seed needs a whole number"],
    [[FIXTURE, `${FIXTURE}/solutions/reference.ts`, "--fast"], "unknown option --fast"],
  ])("%j exits 2 with a clear message", (args, message) => {
    const r = grade(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("usage: npm run grade");
    expect(r.stdout).toBe("");
  });
});
