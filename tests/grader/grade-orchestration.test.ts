import { describe, expect, it } from "@jest/globals";
import { gradeInProcess } from "../../graders/grade";
import { fakeRun, runResult } from "./helpers/fake-run";
import { fixturePackage } from "./helpers/packages";

const double = fixturePackage("double");
const counter = fixturePackage("counter");
const reference = double.solutions["reference.ts"];
const doubled = (spec: { input?: unknown }) => ({ value: 2 * (spec.input as { x: number }).x, waited: true });

describe("gradeInProcess (scripted runtime)", () => {
  it("stops at compile_error with line:col and runs nothing", async () => {
    const run = fakeRun(() => runResult());
    const report = await gradeInProcess(double, "export function double(x: number): Promise<number> {\n  return x;\n}\n", { runProgram: run });
    expect(report.verdict).toBe("compile_error");
    expect(report.score).toBe(0);
    expect(report.compile?.diagnostics[0]).toMatchObject({ file: "solution.ts", line: 2, column: 3, code: 2322 });
    expect(report.summary).toContain("solution.ts:2:3");
    expect(run.specs).toHaveLength(0);
  });

  it("treats a missing required export as compile_error", async () => {
    const report = await gradeInProcess(double, "export const triple = 3;\n", { runProgram: fakeRun(() => runResult()) });
    expect(report.verdict).toBe("compile_error");
    expect(report.compile?.diagnostics[0].message).toContain("must export `double`");
  });

  it("builds one RunSpec per test, samples first, with the package's limits and forbid list", async () => {
    const run = fakeRun((spec) => runResult({ value: doubled(spec) }));
    const report = await gradeInProcess(double, reference, { runProgram: run, cores: 2 });
    expect(report.verdict).toBe("accepted");
    expect(report.score).toBe(100);
    expect(report.tests.map((t) => [t.name, t.sample, t.passed])).toEqual([["two", true, true], ["answer", false, true], ["negative", false, true]]);
    expect(run.specs).toHaveLength(3);
    const spec = run.specs[0];
    expect(spec).toMatchObject({ mode: "test", entry: "/driver.js", solution: "/solution.js", trusted: ["/driver.js"], seed: 0, cores: 2, input: { x: 2 }, forbid: [] });
    expect(Object.keys(spec.modules).sort()).toEqual(["/driver.js", "/solution.js"]);
    expect(spec.modules["/solution.js"]).toContain("export function double(x)");
    expect(spec.modules["/driver.js"]).toContain('from "grader:harness"');
    expect(spec.limits).toMatchObject({ cpuMs: 1000, virtualMs: 5000 });
    expect(report.method).toContain("CPU time");
  });

  it("runs two tests at once and reports them in the package's order, whichever ends first", async () => {
    let inFlight = 0;
    let peak = 0;
    const run = fakeRun(async (spec) => {
      peak = Math.max(peak, ++inFlight);
      const x = (spec.input as { x: number }).x;
      // The first test ends last.
      await new Promise((r) => setTimeout(r, x === 2 ? 30 : 1));
      inFlight--;
      return x === 21 ? runResult({ value: { value: 43, waited: true } }) : runResult({ value: doubled(spec) });
    });
    const report = await gradeInProcess(double, reference, { runProgram: run });
    expect(peak).toBe(2);
    expect(report.tests.map((t) => [t.name, t.verdict])).toEqual([["two", "accepted"], ["answer", "wrong_answer"], ["negative", "accepted"]]);
    expect(report.verdict).toBe("wrong_answer");
    const sequential = await gradeInProcess(double, reference, { runProgram: fakeRun(() => runResult({ value: { value: 0, waited: true } })), testConcurrency: 1 });
    expect(sequential.tests.map((t) => t.name)).toEqual(["two", "answer", "negative"]);
  });

  it("reports every test but takes the verdict of the first failing one", async () => {
    // answer: wrong result; negative: deadlock (higher precedence, but later).
    const run = fakeRun((spec) => {
      const x = (spec.input as { x: number }).x;
      if (x === 21) return runResult({ value: { value: 43, waited: true } });
      if (x === -7) return runResult({ status: "deadlock", waits: [{ threadId: 0, on: "a promise" }] });
      return runResult({ value: doubled(spec) });
    });
    const report = await gradeInProcess(double, reference, { runProgram: run });
    expect(report.tests.map((t) => t.verdict)).toEqual(["accepted", "wrong_answer", "deadlock"]);
    expect(report.verdict).toBe("wrong_answer");
    expect(report.score).toBe(33);
    expect(report.summary).toContain('hidden test "answer"');
  });

  it("never reveals a hidden test's input, expected value, output or error message", async () => {
    const run = fakeRun((spec) => {
      const x = (spec.input as { x: number }).x;
      if (x === 21) return runResult({ value: { value: 4321, waited: true }, output: [{ stream: "stdout", text: "input was 21\n" }] });
      if (x === -7) return runResult({ status: "runtime_error", error: { name: "Error", message: "input -7", threadId: 0 } });
      return runResult({ value: doubled(spec), output: [{ stream: "stdout", text: "sample output\n" }] });
    });
    const report = await gradeInProcess(double, reference, { runProgram: run });
    const hidden = report.tests.filter((t) => t.hidden);
    const text = JSON.stringify(hidden) + report.summary;
    for (const secret of ["21", "42", "4321", "-7", "-14", "input was"]) expect(text).not.toContain(secret);
    expect(hidden.map((t) => t.message)).toEqual(["The result is wrong.", "An uncaught Error ended the program in the main thread."]);
    expect(report.tests[0].output).toBe("sample output\n");
  });

  it("shows a sample test's expected and actual values", async () => {
    const run = fakeRun(() => runResult({ value: { value: 5, waited: true } }));
    const report = await gradeInProcess(double, reference, { runProgram: run });
    expect(report.tests[0].message).toBe("Expected { value: 4, waited: true }, got { value: 5, waited: true }.");
  });

  it("orders within a test: run status, then forbidden use, then the result, then blocking", async () => {
    const cases = [
      [runResult({ status: "memory_limit_exceeded", forbiddenUsed: ["Promise.all"] }), "memory_limit_exceeded"],
      [runResult({ status: "runtime_error", forbiddenUsed: ["Promise.all"], error: { name: "TypeError", message: "x", threadId: 0 } }), "wrong_answer"],
      [runResult({ status: "runtime_error", error: { name: "TypeError", message: "x", threadId: 0 } }), "runtime_error"],
      [runResult({ value: { value: 1, waited: true }, metrics: { longestTaskMs: 500 } }), "wrong_answer"],
      [runResult({ value: { value: 4, waited: true }, metrics: { longestTaskMs: 500 } }), "blocked_event_loop"],
      [runResult({ value: { value: 4, waited: true }, metrics: { longestTaskMs: 50 } }), "accepted"],
    ] as const;
    for (const [result, verdict] of cases) {
      const report = await gradeInProcess({ ...double, tests: [double.tests[0]] }, reference, { runProgram: fakeRun(() => result) });
      expect([result.status, report.verdict]).toEqual([result.status, verdict]);
    }
  });

  it("explains blocking with the figures", async () => {
    const run = fakeRun(() => runResult({ value: { value: 4, waited: true }, metrics: { longestTaskMs: 123.44, longestTaskAt: 7 } }));
    const report = await gradeInProcess({ ...double, tests: [double.tests[0]] }, reference, { runProgram: run });
    expect(report.tests[0].message).toContain("123.4 ms");
    expect(report.tests[0].checks.find((c) => c.check === "blocking")?.figures).toEqual({ longestTaskMs: 123.4, limitMs: 50, atMs: 7 });
  });

  it("retries a run once when the sandbox itself fails, and reports internal_error if it fails again", async () => {
    let calls = 0;
    const flaky = fakeRun((spec) => {
      calls++;
      if (calls === 1) throw new Error("isolate pool exploded");
      return runResult({ value: doubled(spec) });
    });
    expect((await gradeInProcess(double, reference, { runProgram: flaky })).verdict).toBe("accepted");
    const broken = fakeRun(() => runResult({ status: "internal_error", message: "host thread lost" }));
    const report = await gradeInProcess(double, reference, { runProgram: broken });
    expect(report.verdict).toBe("internal_error");
    expect(report.internal).toEqual({ message: "host thread lost", attempts: 2 });
    expect(broken.specs).toHaveLength(6);
  });

  it("turns a driver that does not compile into internal_error, not the candidate's fault", async () => {
    const report = await gradeInProcess({ ...double, config: { ...double.config, version: 99 }, driver: "export async function run(: number) {}" }, reference, { runProgram: fakeRun(() => runResult()) });
    expect(report.verdict).toBe("internal_error");
    expect(report.summary).toContain("not a problem with your code");
  });
});

describe("gradeInProcess: threads track schedules", () => {
  const counterReference = counter.solutions["reference.ts"];
  const right = (spec: { input?: unknown }) => {
    const i = spec.input as { threads: number; times: number };
    return i.threads * i.times;
  };

  it("runs each test under checks.schedules seeds, seed 0 first, through the package's checker", async () => {
    const run = fakeRun((spec) => runResult({ value: right(spec) }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run, seedBase: 1234 });
    expect(report.verdict).toBe("accepted");
    expect(report.seed).toBe(1234);
    // Two tests may run at once: their schedules are read per test, not in call order.
    const [first, second] = counter.tests.map((t) => run.specs.filter((s) => s.input === t.input).map((s) => s.seed));
    expect(run.specs).toHaveLength(8);
    expect([first[0], second[0]]).toEqual([0, 0]);
    expect(new Set([...first, ...second].filter((s) => s !== 0)).size).toBe(6);
    expect(report.tests.map((t) => t.seedsTried)).toEqual([4, 4]);
    expect(report.tests[0].checks[0]).toMatchObject({ check: "result", passed: true });
  });

  it("derives the same seeds from the same seed base", async () => {
    const a = fakeRun((spec) => runResult({ value: right(spec) }));
    const b = fakeRun((spec) => runResult({ value: right(spec) }));
    await gradeInProcess(counter, counterReference, { runProgram: a, seedBase: 77 });
    await gradeInProcess(counter, counterReference, { runProgram: b, seedBase: 77 });
    expect(a.specs.map((s) => s.seed)).toEqual(b.specs.map((s) => s.seed));
  });

  it("calls a result that is wrong under one schedule and right under another a race_condition naming the seed", async () => {
    // The first test's third schedule reads wrong (whatever the other test runs meanwhile).
    const firstTest = (spec: { input?: unknown }) => spec.input === counter.tests[0].input;
    const run = fakeRun((spec) => {
      const nth = run.specs.filter(firstTest).length;
      return runResult({ value: firstTest(spec) && nth === 3 ? right(spec) - 1 : right(spec) });
    });
    const report = await gradeInProcess(counter, counterReference, { runProgram: run, seedBase: 5 });
    const failing = run.specs.filter(firstTest)[2].seed;
    expect(report.verdict).toBe("race_condition");
    expect(report.tests[0]).toMatchObject({ verdict: "race_condition", seed: failing, seedsTried: 3 });
    expect(report.tests[0].message).toContain(`--seed ${failing}`);
    expect(report.summary).toContain(`--seed ${failing}`);
  });

  it("calls a result wrong under every schedule a wrong_answer", async () => {
    const run = fakeRun((spec) => runResult({ value: right(spec) + 1 }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run });
    expect(report.tests[0]).toMatchObject({ verdict: "wrong_answer", seedsTried: 4, seed: 0 });
    expect(report.tests[0].message).toContain("The counter ends at 1001, not 1000.");
  });

  it("redacts a checker's result message on hidden tests", async () => {
    const run = fakeRun((spec) => runResult({ value: right(spec) + 1 }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run });
    expect(report.tests[1].message).toBe('Hidden test: the "result" check failed.');
    expect(JSON.stringify(report.tests[1])).not.toContain("4001");
  });

  it("keeps a hidden test's checker message for authoring tools (revealHidden), and only for them", async () => {
    const run = fakeRun((spec) => runResult({ value: right(spec) + 1 }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run, revealHidden: true });
    expect(report.tests[1]).toMatchObject({ hidden: true, verdict: "wrong_answer" });
    expect(report.tests[1].message).toContain("4001");
  });

  it("replays exactly one schedule with --seed", async () => {
    const run = fakeRun((spec) => runResult({ value: right(spec) }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run, seed: 424242 });
    expect(run.specs.map((s) => s.seed)).toEqual([424242, 424242]);
    expect(report.seed).toBe(424242);
  });

  it("stops trying schedules once a run stops on a limit (no race classification needed)", async () => {
    const run = fakeRun(() => runResult({ status: "deadlock", waits: [{ threadId: 1, on: "Atomics.wait(index 0)" }] }));
    const report = await gradeInProcess(counter, counterReference, { runProgram: run });
    expect(report.tests[0]).toMatchObject({ verdict: "deadlock", seedsTried: 1 });
    expect(report.tests[0].message).toContain("thread 1 waits on Atomics.wait(index 0)");
  });
});
