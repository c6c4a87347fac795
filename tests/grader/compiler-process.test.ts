import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CompilerProcess } from "../../graders/pool/compiler-client";
import { GraderPool } from "../../graders/pool/supervisor";
import { fixturePackage } from "./helpers/packages";

// Type checks run in a child of the grader process, with default V8 flags (compiler-process.ts).
const compilers: CompilerProcess[] = [];
function compiler(): CompilerProcess {
  const c = new CompilerProcess();
  compilers.push(c);
  return c;
}
afterAll(() => compilers.forEach((c) => c.close()));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return condition();
}

// Enough functions that a check takes well over the time a SIGKILL takes to land.
const bigSource = Array.from({ length: 1500 }, (_, i) => `export function f${i}(x: number): number { return x * ${i} + f${Math.max(0, i - 1)}.length; }`).join("\n");

describe("the type checker's process", () => {
  it("compiles solutions and reports type errors at line:col, in a process without --single-threaded", async () => {
    const c = compiler();
    const ok = await c.solution("export const double = (x: number): number => 2 * x;\n", "solution.ts");
    expect(ok).toMatchObject({ ok: true, exports: ["double"] });
    const bad = await c.solution("export const a = 1;\nexport const b: string = a;\n", "solution.ts");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics[0]).toMatchObject({ file: "solution.ts", line: 2, column: 14 });
    const pid = c.pid()!;
    expect(pid).not.toBe(process.pid);
    expect(cmdline(pid)).not.toContain("--single-threaded");
  });

  it("fails a check in flight when the process dies, as an internal error, and starts a new one for the next", async () => {
    const c = compiler();
    await c.start();
    const first = c.pid()!;
    const inFlight = c.solution(bigSource, "solution.ts");
    process.kill(first, "SIGKILL");
    await expect(inFlight).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringContaining("type checker's process ended (SIGKILL)") });
    const next = await c.solution("export const x: number = 1;\n", "solution.ts");
    expect(next.ok).toBe(true);
    expect(c.pid()).not.toBe(first);
  });

  it("stops a check past its CPU limit: a compile failure that says so, and the next check runs", async () => {
    const c = new CompilerProcess({ cpuLimitMs: 1000 });
    compilers.push(c);
    const bomb = readFileSync(join(__dirname, "../fixtures/hostile/type-bomb.ts"), "utf8");
    const stopped = await c.solution(bomb, "solution.ts");
    expect(stopped.ok).toBe(false);
    if (!stopped.ok) expect(stopped.diagnostics).toEqual([expect.objectContaining({ file: "solution.ts", line: 1, column: 1, message: expect.stringContaining("used more than 1 s of CPU time") })]);
    expect(await c.solution("export const x: number = 1;\n", "solution.ts")).toMatchObject({ ok: true });
  });

  it("is a child of each grader process and ends with it", async () => {
    const pool = new GraderPool({ size: 1 });
    const pkg = fixturePackage("double");
    try {
      expect((await pool.grade(pkg, pkg.solutions["reference.ts"])).verdict).toBe("accepted");
      const [grader] = pool.pids();
      const kids = children(grader).filter((pid) => cmdline(pid).some((a) => /compiler-process\.(js|ts)$/.test(a)));
      expect(kids).toHaveLength(1);
      process.kill(grader, "SIGKILL");
      expect(await until(() => !alive(kids[0]), 10_000)).toBe(true);
      // The pool replaces the grader process, which starts its own type checker.
      expect((await pool.grade(pkg, "export const double: number = 'two';\n")).verdict).toBe("compile_error");
    } finally {
      await pool.close();
    }
  });
});
