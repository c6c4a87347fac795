/**
 * Hostile corpus: one hazard per file in tests/fixtures/hostile. Programs run through runProgram
 * (program mode, as `npm run sandbox` runs them) and must end with the status named here, or "ok"
 * with output proving the escape failed. Tampering solutions are graded with grade() against the
 * echo fixture problem and must never turn a wrong answer into accepted. After every hazard the
 * sandbox (or the grader) must still handle a normal program correctly.
 * Statuses are asserted, never times; the limits below make each hazard end within seconds.
 */
import { describe, it, expect, afterAll } from "@jest/globals";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { runFileInSandbox } from "../conformance/run-in-sandbox";
import { grade, closeDefaultPool, loadPackage, type Verdict } from "../../graders";
import type { RunLimits, RunStatus } from "../../graders/sandbox/run-spec";

const fixtures = join(__dirname, "..", "fixtures", "hostile");

/** Small budgets so that bombs and loops hit a limit quickly; generous enough for normal-program.mjs. */
const LIMITS: Partial<RunLimits> = {
  memoryMb: 64,
  cpuMs: 3_000,
  virtualMs: 60_000,
  wallMs: 60_000,
  outputBytes: 64 * 1024,
  maxWorkers: 8,
  maxWorkersTotal: 32,
  maxMessages: 10_000,
};

interface ProgramCase {
  file: string;
  status: RunStatus;
  /** Exact stdout, when the output is what proves the hazard failed. */
  stdout?: string;
  /** Exact message, when it tells which guard ended the run. */
  message?: string;
}

// A loop that never returns is stopped by the run's CPU budget as it spends it (the supervisor sums the
// running threads' CPU clocks), not by its isolate's timeout at twice the budget in wall time, whose
// message ends "(a macrotask never returned)".
const BUDGET_MESSAGE = `CPU time limit of 3000 ms exceeded`;

const programCases: ProgramCase[] = [
  // Escapes: the program ends normally and its output shows nothing of the host was reachable.
  {
    file: "escape-process.mjs",
    status: "ok",
    stdout: [
      "process undefined", "require undefined", "module undefined", "exports undefined", "__dirname undefined",
      "__filename undefined", "typeof process: undefined", "process.exit: ReferenceError", "still running", "",
    ].join("\n"),
  },
  {
    file: "escape-require.mjs",
    status: "ok",
    stdout: ["require: no fs", "module.require: no fs", "import.meta.require: no fs", "import.meta.resolve: no fs", "globalThis.require: no fs", ""].join("\n"),
  },
  {
    file: "escape-function-constructor.mjs",
    status: "ok",
    stdout: [
      "globalThis.constructor.constructor: no process", "(()=>{}).constructor: no process", "async constructor: no process",
      "generator constructor: no process", "console.log.constructor: no process", "setTimeout.constructor: no process",
      "Object.getPrototypeOf(console).constructor.constructor: no process", "",
    ].join("\n"),
  },
  {
    file: "escape-dynamic-import-node-fs.mjs",
    status: "ok",
    stdout: ["node:fs", "node:fs/promises", "node:child_process", "node:net", "node:module", "node:process", "node:vm", "node:v8", "node:worker_threads?x=1"]
      .map((s) => `${s} no escape\n`).join(""),
  },
  {
    file: "escape-dynamic-import-bare.mjs",
    status: "ok",
    stdout: ["fs", "child_process", "isolated-vm", "typescript", "file:///etc/passwd", "/etc/passwd", "../../package.json", "./../graders/index.ts"]
      .map((s) => `${s} rejected\n`).join(""),
  },
  { file: "escape-static-import-fs.mjs", status: "runtime_error", stdout: "" },
  { file: "escape-prepare-stack-trace.mjs", status: "ok", stdout: "{ boom: [Getter] }\nhost file names: 0 host this: 0 host functions: 0\n" },
  {
    file: "escape-sloppy-this.mjs",
    status: "ok",
    stdout: [
      "sloppyThis is globalThis: true process: undefined require: undefined",
      "indirectEval is globalThis: true process: undefined require: undefined",
      "module code is strict, plain call this: undefined",
      "callback this process: undefined",
      "",
    ].join("\n"),
  },
  { file: "escape-inspect-custom.mjs", status: "ok", stdout: "custom inspect ran, no host objects\n" },
  { file: "escape-worker-host-file.mjs", status: "ok", stdout: [0, 1, 2, 3, 4].map((i) => `attempt ${i} no leak\n`).join("") },
  { file: "escape-host-paths-in-errors.mjs", status: "ok", stdout: "texts checked: true host paths leaked: 0\n" },
  { file: "escape-host-paths-across-boundary.mjs", status: "ok", stdout: "host paths leaked: false\n" },
  {
    // Recorded from real Node 20 (which prints with primordials, immune to the pollution).
    file: "pollute-builtins-program.mjs",
    status: "ok",
    stdout: [
      "{ a: 1, b: [ 1, 2, 3 ] } [ 4, 5 ] Map(1) { 1 => 2 } str 7", "format and 42", "microtask still runs",
      "immediate still fires", "timer still fires", "",
    ].join("\n"),
  },
  // Memory.
  { file: "heap-bomb.mjs", status: "memory_limit_exceeded" },
  // V8 builds repeated strings as ropes: they reach the maximum string length long before the heap fills,
  // and Node itself ends this program with "RangeError: Invalid string length".
  { file: "string-bomb.mjs", status: "runtime_error" },
  { file: "wasm-memory-bomb.mjs", status: "memory_limit_exceeded" },
  { file: "shared-buffer-bomb.mjs", status: "memory_limit_exceeded" },
  // Threads and messages.
  { file: "worker-bomb.mjs", status: "resource_limit" },
  { file: "worker-fork-bomb.mjs", status: "resource_limit" },
  { file: "message-flood.mjs", status: "resource_limit" },
  // Output.
  { file: "output-flood.mjs", status: "output_limit_exceeded" },
  // Time.
  { file: "endless-interval.mjs", status: "time_limit_exceeded", stdout: "interval started\n" },
  { file: "endless-microtasks.mjs", status: "time_limit_exceeded", stdout: "" },
  { file: "endless-promise-loop.mjs", status: "time_limit_exceeded", stdout: "" },
  { file: "infinite-sync-loop.mjs", status: "time_limit_exceeded", stdout: "before the loop\n", message: BUDGET_MESSAGE },
  { file: "infinite-loop-in-worker.mjs", status: "time_limit_exceeded", stdout: "", message: BUDGET_MESSAGE },
  // Errors.
  { file: "unhandled-rejection.mjs", status: "runtime_error", stdout: "before\n" },
  { file: "uncaught-in-worker.mjs", status: "runtime_error", stdout: "" },
  { file: "stack-overflow.mjs", status: "runtime_error", stdout: "recursing\n" },
  // Deadlocks.
  { file: "atomics-wait-main-forever.mjs", status: "deadlock", stdout: "waiting forever\n" },
  { file: "atomics-deadlock-workers.mjs", status: "deadlock", stdout: "" },
];


const NORMAL_STDOUT = "worker says [ 42 ]\n{ ok: true, list: [ 1, 2, 3 ] } undefined\n";

async function expectNormalProgramStillWorks(): Promise<void> {
  const normal = await runFileInSandbox(join(fixtures, "normal-program.mjs"), LIMITS);
  expect({ status: normal.status, message: normal.message, stdout: normal.stdout }).toEqual({ status: "ok", message: undefined, stdout: NORMAL_STDOUT });
}

describe("hostile programs in the sandbox", () => {
  it("the normal program runs as in Node before any hazard", expectNormalProgramStillWorks, 60_000);

  for (const c of programCases) {
    it(`${c.file} -> ${c.status}, and a normal program still runs after it`, async () => {
      const got = await runFileInSandbox(join(fixtures, c.file), LIMITS);
      // message is shown in the diff when the status is wrong.
      expect({ status: got.status, message: got.status === c.status ? "(as expected)" : got.message }).toEqual({ status: c.status, message: "(as expected)" });
      if (c.stdout !== undefined) expect(got.stdout).toBe(c.stdout);
      if (c.message !== undefined) expect(got.message).toBe(c.message);
      if (c.status !== "ok") expect(got.exitCode).not.toBe(0);
      await expectNormalProgramStillWorks();
    }, 120_000);
  }
});

interface GradeCase {
  /** File in tests/fixtures/hostile, graded as the candidate's solution. */
  file: string;
  verdict: Verdict;
}

// Rewriting a built-in the driver relies on throws in a graded run (graders/runtime/isolate/intrinsics-lock.ts):
// runtime_error. Date.now and performance.now are the runtime's own (virtual clock), so rewriting them fools nobody.
const gradeCases: GradeCase[] = [
  { file: "tamper-date-now.ts", verdict: "wrong_answer" },
  { file: "tamper-performance-now.ts", verdict: "wrong_answer" },
  { file: "tamper-object-is.ts", verdict: "runtime_error" },
  { file: "tamper-json-stringify.ts", verdict: "runtime_error" },
  { file: "tamper-array-map.ts", verdict: "runtime_error" },
  { file: "tamper-array-iterator.ts", verdict: "runtime_error" },
  { file: "tamper-promise-then.ts", verdict: "runtime_error" },
  { file: "tamper-object-prototype-then.ts", verdict: "runtime_error" },
  { file: "tamper-define-property-before-print.ts", verdict: "time_limit_exceeded" },
  { file: "import-harness.ts", verdict: "compile_error" },
  { file: "type-bomb.ts", verdict: "compile_error" },
  { file: "import-harness.mjs", verdict: "runtime_error" },
  { file: "never-settling-echo.ts", verdict: "time_limit_exceeded" },
  { file: "unhandled-rejection-echo.ts", verdict: "runtime_error" },
];

describe("hostile solutions graded against the echo problem", () => {
  const pkg = loadPackage(join(fixtures, "problem-echo"));
  const reference = pkg.solutions["reference.ts"];

  afterAll(() => closeDefaultPool());

  async function expectReferenceAccepted(): Promise<void> {
    const report = await grade(pkg, reference, { seedBase: 1 });
    expect({ verdict: report.verdict, summary: report.verdict === "accepted" ? "" : report.summary }).toEqual({ verdict: "accepted", summary: "" });
  }

  it("the reference solution is accepted", expectReferenceAccepted, 120_000);

  for (const [file, { source, verdict }] of Object.entries(pkg.wrong)) {
    it(`the package's wrong/${file} gets ${verdict} without any tampering`, async () => {
      const report = await grade(pkg, source, { seedBase: 1 });
      expect(report.verdict).toBe(verdict);
    }, 120_000);
  }

  for (const c of gradeCases) {
    it(`${c.file} -> ${c.verdict}, and the reference is still accepted after it`, async () => {
      const source = readFileSync(join(fixtures, c.file), "utf8");
      const report = await grade(pkg, source, { seedBase: 1, fileName: c.file.endsWith(".mjs") ? "solution.mjs" : "solution.ts" });
      const failed = report.tests.find((t) => !t.passed);
      expect({ verdict: report.verdict, firstFailure: report.verdict === c.verdict ? "(as expected)" : failed?.message ?? report.summary }).toEqual({
        verdict: c.verdict,
        firstFailure: "(as expected)",
      });
      expect(report.verdict).not.toBe("accepted");
      await expectReferenceAccepted();
    }, 180_000);
  }
});
