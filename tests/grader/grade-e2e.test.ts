/**
 * grade() end to end: fixture packages graded through the real pool (dist/grader-process.js when it is
 * fresh, else the sources through tsx), real isolates and virtual time; one verdict per kind of failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GraderPool } from "../../graders/pool/supervisor";
import type { Report } from "../../graders/report";
import { fixturePackage } from "./helpers/packages";

const double = fixturePackage("double");
let pool: GraderPool;

beforeAll(() => {
  pool = new GraderPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

const gradeDouble = (source: string): Promise<Report> => pool.grade(double, source, { seedBase: 1 });

describe("grade() end to end on fixture packages", () => {
  it("accepts a correct solution", async () => {
    const report = await gradeDouble(double.solutions["reference.ts"]);
    expect(report.summary).toContain("Accepted");
    expect(report.verdict).toBe("accepted");
    expect(report.score).toBe(100);
    expect(report.tests.map((t) => t.verdict)).toEqual(["accepted", "accepted", "accepted"]);
    expect(report.tests[0].metrics.virtualMs).toBeGreaterThanOrEqual(10);
  });

  it("gives wrong_answer to a solution right on the sample only, without revealing the hidden test", async () => {
    const report = await gradeDouble(double.wrong["adds-two.ts"].source);
    expect(report.verdict).toBe("wrong_answer");
    expect(report.tests.map((t) => t.passed)).toEqual([true, false, false]);
    expect(report.tests[1].message).toBe("The result is wrong.");
    expect(report.score).toBe(33);
  });

  it("gives compile_error with line:col", async () => {
    const report = await gradeDouble("export function double(x: number): Promise<number> {\n  return Promise.resolve(x * '2');\n}\n");
    expect(report.verdict).toBe("compile_error");
    expect(report.compile?.diagnostics[0]).toMatchObject({ file: "solution.ts", line: 2, column: 30 });
  });

  it("gives runtime_error to an uncaught exception in a timer", async () => {
    const report = await gradeDouble(double.wrong["throws.ts"].source);
    expect(report.verdict).toBe("runtime_error");
    expect(report.tests[0].message).toContain("no doubling for 2");
  });

  it("gives blocked_event_loop to a busy-wait with the right result", async () => {
    const report = await gradeDouble(double.wrong["busy-wait.ts"].source);
    expect(report.verdict).toBe("blocked_event_loop");
    const blocking = report.tests[0].checks.find((c) => c.check === "blocking");
    expect(Number(blocking?.figures?.longestTaskMs)).toBeGreaterThan(50);
  });

  it("gives time_limit_exceeded to an endless loop", async () => {
    const report = await gradeDouble(double.wrong["endless.ts"].source);
    expect(report.verdict).toBe("time_limit_exceeded");
  });

  it("cannot be fooled by a submission that rewrites JSON, Object.is, Array.prototype and Promise.prototype.then", async () => {
    const report = await gradeDouble(double.wrong["tamper.ts"].source);
    // The rewrite itself throws: graded runs lock the built-ins the driver relies on.
    expect(report.verdict).toBe("runtime_error");
    expect(report.summary).toMatch(/TypeError/);
    expect(report.tests.every((t) => !t.passed)).toBe(true);
  });

  it("grades the same tampering against the checker path (counter): the host-side checker sees the real value", async () => {
    const counter = fixturePackage("counter");
    // Inside try/catch the locked rewrites fail quietly, and the checker on the host decides.
    const tamper = `try { Number.prototype.valueOf = () => 80000; } catch {}\ntry { JSON.stringify = () => "80000"; } catch {}\n${counter.wrong["off-by-one.ts"].source}`;
    const report = await pool.grade(counter, tamper, { seedBase: 3 });
    expect(report.verdict).toBe("wrong_answer");
  });

  it("still gives one verdict when the grader process is SIGKILLed mid-job, and grades the next job", async () => {
    const single = new GraderPool({ size: 1 });
    try {
      const job = single.grade(double, double.wrong["endless.ts"].source);
      let killed: number | undefined;
      while (killed === undefined) {
        await new Promise((r) => setTimeout(r, 50));
        killed = single.busyPids()[0];
      }
      process.kill(killed, "SIGKILL");
      const report = await job;
      expect(report.verdict).toBe("time_limit_exceeded");
      expect(single.pids()).not.toContain(killed);
      expect((await single.grade(double, double.solutions["reference.ts"])).verdict).toBe("accepted");
    } finally {
      await single.close();
    }
  });
});
