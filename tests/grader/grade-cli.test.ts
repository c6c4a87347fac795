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

describe("npm run sandbox", () => {
  function sandbox(file: string) {
    const r = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/sandbox.ts", file], { cwd: ROOT, encoding: "utf8" });
    return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  }

  it("prints the program's output and exits with its code, also after the watchdog disposed a worker", () => {
    // isolated-vm could abort the process on its way out (code 134 after the output): the command ends
    // without Node's teardown once its output is written.
    for (let i = 0; i < 4; i++) {
      const r = sandbox("tests/fixtures/conformance/39-worker-terminate-busy.mjs");
      expect({ code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({
        code: 0,
        signal: null,
        stdout: "busy worker is spinning\nterminate -> 1\nticker exit event 1\nticker terminated after 3 messages, code 1\n",
      });
    }
    const failing = sandbox("tests/fixtures/conformance/49-uncaught-exception-exit.mjs");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe("before\nin timer\n");
    expect(failing.stderr).toContain("Uncaught Error: uncaught in timer");
  }, 120_000);
});
