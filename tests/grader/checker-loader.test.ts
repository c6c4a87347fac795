import { describe, expect, it } from "@jest/globals";
import { loadChecker, runChecker } from "../../graders/checks/checker-loader";
import type { CheckContext, ProblemPackage } from "../../graders/problem-package";
import { fixturePackage } from "./helpers/packages";

const counter = fixturePackage("counter");
let version = 100;
const withChecker = (checker: string): ProblemPackage => ({ ...counter, checker, config: { ...counter.config, version: version++ } });
const ctx = (pkg: ProblemPackage, value: unknown): CheckContext => ({
  test: pkg.tests[0],
  config: pkg.config,
  value,
  marks: [],
  logs: [],
  metrics: { virtualMs: 0, wallMs: 0, cpuMs: 0, longestTaskMs: 0, longestTaskAt: 0, peakThreads: 1, workersCreated: 0, messages: 0, threads: [] },
  cores: 2,
});

describe("checker loading", () => {
  it("bundles a TypeScript checker (type imports erased) and runs it on the host", () => {
    const check = loadChecker(counter)!;
    expect(runChecker(check, ctx(counter, 1000))).toEqual([
      { check: "result", passed: true, verdict: "wrong_answer", message: "Every increment counted.", figures: { got: 1000, want: 1000 } },
    ]);
  });

  it("lets a checker use node:util", () => {
    const pkg = withChecker(`import { isDeepStrictEqual } from "node:util";
      export function check(ctx: any) { return [{ check: "result", passed: isDeepStrictEqual(ctx.value, [1]), verdict: "wrong_answer", message: "m" }]; }`);
    expect(runChecker(loadChecker(pkg)!, ctx(pkg, [1]))[0].passed).toBe(true);
  });

  it("refuses any other module, as the problem's fault (CHECKER_FAILED)", () => {
    const pkg = withChecker(`import { readFileSync } from "node:fs"; export function check() { readFileSync("/etc/passwd"); return []; }`);
    expect(() => loadChecker(pkg)).toThrow(expect.objectContaining({ code: "CHECKER_FAILED", fault: "problem" }));
  });

  it("bundles the checker kit into a checker (the speedup check), and nothing else of the repository", () => {
    const pkg = withChecker(`import { speedupOfRuns } from "../../graders/checks/kit/speedup";
      export function check(ctx: any) { return [speedupOfRuns(ctx, ctx.value, 2)]; }`);
    const runs = [{ workers: 1, ms: 100 }, { workers: 2, ms: 55 }, { workers: 1, ms: 90 }, { workers: 2, ms: 50 }];
    const [outcome] = runChecker(loadChecker(pkg)!, ctx(pkg, runs));
    expect({ passed: outcome.passed, verdict: outcome.verdict, figures: outcome.figures }).toEqual({
      passed: true, verdict: "insufficient_speedup",
      figures: { oneWorkerMs: 95, workersMs: 52.5, speedup: 1.8, required: 1.6, workers: 2, cores: 2, repeats: 2, callsMs: "1w 100, 2w 55, 1w 90, 2w 50" },
    });
    const reaching = withChecker(`import { LIMITS } from "../../graders/limits"; export function check() { return [LIMITS]; }`);
    expect(() => loadChecker(reaching)).toThrow(expect.objectContaining({ code: "CHECKER_FAILED", message: expect.stringContaining("graders/checks/kit and node:util only") }));
  });

  it("reports a checker that throws or answers nonsense as CHECKER_FAILED, never as a verdict", () => {
    const throws = withChecker(`export function check() { throw new Error("boom"); }`);
    expect(() => runChecker(loadChecker(throws)!, ctx(throws, 1))).toThrow(expect.objectContaining({ code: "CHECKER_FAILED", message: expect.stringContaining("boom") }));
    const nonsense = withChecker(`export function check() { return [{ check: "x", passed: "yes" }]; }`);
    expect(() => runChecker(loadChecker(nonsense)!, ctx(nonsense, 1))).toThrow(expect.objectContaining({ code: "CHECKER_FAILED" }));
  });

  it("is not defined for a package without checker.ts (deep equality instead)", () => {
    expect(loadChecker({ ...counter, checker: undefined })).toBeUndefined();
  });
});
