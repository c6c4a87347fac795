/**
 * Grading in the current process: (package, source, options) -> Report.
 *
 * Compile the candidate (compile_error stops here), then run every test, started in order (samples
 * first) and up to two at once (test-concurrency.ts), each in a fresh runtime (runProgram). A test's
 * checks are, in the catalogue's precedence: what stopped the run, forbidden globals, the result
 * (checker.ts or deep equality), the blocking check; threads-track tests run under several seeded
 * schedules to tell a race from a plain wrong answer. Every test is run and
 * reported; the verdict is the first failing test's. This runs inside a grader process (graders/pool),
 * never in the web server: use graders/index.ts grade() from anywhere else.
 */
import { availableParallelism } from "node:os";
import { createHash } from "node:crypto";
import type { CheckContext, ProblemPackage, TestCase } from "./problem-package";
import { REPORT_VERSION, type CheckOutcome, type Diagnostic, type Report, type TestMetrics, type TestResult, type Verdict } from "./report";
import type { RunLimits, RunResult, RunSpec } from "./sandbox/run-spec";
import { resolveLimits } from "./limits";
import { MEASUREMENT_METHOD as METHOD, internalErrorReport } from "./pool/internal-report";

export { internalErrorReport };
import { IN_PROCESS_COMPILER, type Compiler } from "./compile";
import { GraderError, serializeError } from "./errors";
import { decisiveCheck, precedence, submissionVerdict } from "./verdict";
import { runStatusCheck } from "./checks/run-status";
import { forbiddenUseCheck } from "./checks/forbidden";
import { resultCheck } from "./checks/result";
import { blockingCheck } from "./checks/blocking";
import { loadChecker, runChecker } from "./checks/checker-loader";
import { redactCheckerOutcome } from "./checks/hidden-message";
import { DEFAULT_SCHEDULES, randomSeedBase, seedsForTest } from "./checks/schedules";
import { forEachTest } from "./test-concurrency";

export type RunProgram = (spec: RunSpec) => Promise<RunResult>;

export interface GradeOptions {
  /**
   * Replay: run every threads-track test under exactly this schedule seed (the `seed` a race_condition
   * report names). Other tracks always run unperturbed (seed 0).
   */
  seed?: number;
  /** Seed base the schedules derive from; random when omitted. Report.seed gives it back. */
  seedBase?: number;
  /** Cores the runtime reports to the candidate. @defaultValue os.availableParallelism() */
  cores?: number;
  /** The candidate's file name, for diagnostics; `.js`/`.mjs` run as JavaScript. @defaultValue "solution.ts" */
  fileName?: string;
  /** Record timelines. @defaultValue true */
  timeline?: boolean;
  /** The sandbox runtime; tests inject a fake here. @defaultValue graders/sandbox/run-program runProgram */
  runProgram?: RunProgram;
  /** Who type-checks and compiles; grader processes pass their type-checker child. @defaultValue this process */
  compiler?: Compiler;
  /**
   * Tests run at once (test-concurrency.ts); a speedup test (threadsInTurn) always runs alone.
   * @defaultValue DEFAULT_TEST_CONCURRENCY, at most the machine's cores
   */
  testConcurrency?: number;
  /**
   * Keep hidden tests' checker messages and figures (authoring tools only: problems:check and the
   * package tests, so a failure there says why). Never set for a candidate's submission.
   */
  revealHidden?: boolean;
}

/** Two tests at once took a quarter off a 12-test grading's latency (promise-pool); more would mostly add memory. */
export const DEFAULT_TEST_CONCURRENCY = 2;

const OUTPUT_SHOWN_BYTES = 8 * 1024;

// ---------------------------------------------------------------- runtime and limits

/** The real sandbox runtime (graders/sandbox/run-program), loaded on first use. */
export function loadRunProgram(): RunProgram {
  let mod: { runProgram?: RunProgram } | undefined;
  try {
    mod = require("./sandbox/run-program");
  } catch (e) {
    throw new GraderError("RUNTIME_FAILED", `the sandbox runtime (graders/sandbox/run-program) is not available: ${(e as Error).message}`);
  }
  if (typeof mod?.runProgram !== "function") throw new GraderError("RUNTIME_FAILED", "graders/sandbox/run-program does not export runProgram");
  return mod.runProgram;
}

/** Starts the runtime's host threads ahead of the first job (grader process startup), when it offers that. */
export async function warmUpRuntime(threads = 2): Promise<void> {
  const mod = require("./sandbox/run-program") as { warmRuntime?: (n: number) => Promise<void> };
  await mod.warmRuntime?.(threads);
}

// ---------------------------------------------------------------- package preparation (cached)

interface PreparedPackage {
  driverJs: string;
}
const prepared = new Map<string, Promise<PreparedPackage>>();

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The driver compiles once per package version, type-checked against the package's first solution. */
function preparePackage(pkg: ProblemPackage, compiler: Compiler): Promise<PreparedPackage> {
  const key = `${pkg.config.slug}@${pkg.config.version}:${hash(pkg.driver)}`;
  let entry = prepared.get(key);
  if (!entry) {
    entry = compileDriver(pkg, compiler);
    prepared.set(key, entry);
    entry.catch(() => prepared.delete(key));
  }
  return entry;
}

async function compileDriver(pkg: ProblemPackage, compiler: Compiler): Promise<PreparedPackage> {
  const reference = Object.values(pkg.solutions)[0];
  const driver = await compiler.trusted(pkg.driver, "driver.ts", reference === undefined ? undefined : { source: reference });
  if (!driver.ok) {
    const first = driver.diagnostics.slice(0, 3).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("; ");
    throw new GraderError("DRIVER_COMPILE_FAILED", `driver of ${pkg.config.slug} does not compile: ${first}`);
  }
  loadChecker(pkg);
  return { driverJs: driver.js };
}

// ---------------------------------------------------------------- one run

interface RunContext {
  pkg: ProblemPackage;
  driverJs: string;
  solutionJs: string;
  limits: RunLimits;
  cores: number;
  timeline: boolean;
  runProgram: RunProgram;
  revealHidden: boolean;
}

interface ScheduleOutcome {
  seed: number;
  result: RunResult;
  checks: CheckOutcome[];
  verdict: Verdict;
  /** The result checks passed (used to tell a race from a wrong answer). */
  resultRight: boolean;
}

const SOLUTION_MODULE = "/solution.js";

function buildSpec(ctx: RunContext, test: TestCase, seed: number): RunSpec {
  return {
    modules: { [SOLUTION_MODULE]: ctx.solutionJs, "/driver.js": ctx.driverJs },
    entry: "/driver.js",
    mode: "test",
    solution: SOLUTION_MODULE,
    trusted: ["/driver.js"],
    input: test.input,
    seed,
    cores: ctx.cores,
    limits: ctx.limits,
    forbid: ctx.pkg.config.forbid,
    timeline: ctx.timeline,
    threadsInTurn: test.threadsInTurn === true,
  };
}

/** Runs once and retries once when the runtime itself failed (never the candidate's fault). */
async function runWithRetry(ctx: RunContext, spec: RunSpec, attempts: { count: number; lastError?: string }): Promise<RunResult> {
  for (let attempt = 1; ; attempt++) {
    attempts.count = Math.max(attempts.count, attempt);
    let result: RunResult | undefined;
    try {
      result = await ctx.runProgram(spec);
    } catch (e) {
      attempts.lastError = (e as Error)?.message ?? String(e);
    }
    if (result && result.status !== "internal_error") return result;
    if (result) attempts.lastError = result.message ?? "the sandbox reported an internal error";
    if (attempt >= 2) {
      if (result) return result;
      throw new GraderError("RUNTIME_FAILED", `sandbox run failed twice: ${attempts.lastError}`);
    }
  }
}

/** `redact`: a hidden test's report for a candidate, which must not quote its input, expected value or output. */
function judgeRun(ctx: RunContext, test: TestCase, result: RunResult, redact: boolean): { checks: CheckOutcome[]; resultRight: boolean } {
  const status = runStatusCheck(result, redact);
  const forbidden = forbiddenUseCheck(result);
  // A forbidden call throws inside the sandbox; the crash that follows is its consequence, not a second fault.
  if (forbidden && (result.status === "ok" || result.status === "runtime_error")) return { checks: [forbidden], resultRight: false };
  if (status) return { checks: [status], resultRight: false };
  const checker = loadChecker(ctx.pkg);
  let checks: CheckOutcome[];
  if (checker) {
    const checkCtx: CheckContext = {
      test,
      config: ctx.pkg.config,
      value: result.value,
      marks: result.marks,
      logs: result.logs,
      metrics: result.metrics,
      cores: ctx.cores,
    };
    checks = runChecker(checker, checkCtx);
    if (redact) checks = checks.map(redactCheckerOutcome);
  } else {
    checks = [resultCheck(result.value, test.expected, redact)];
  }
  const resultRight = checks.every((c) => c.passed || (c.verdict !== "wrong_answer" && c.verdict !== "race_condition"));
  const blocking = blockingCheck(result.metrics, ctx.pkg.config.checks.longestTaskMs);
  if (blocking) checks.push(blocking);
  return { checks, resultRight };
}

// ---------------------------------------------------------------- one test

/** Only a wrong result needs more schedules (to tell a race); anything that stopped the run is final. */
function isFinal(o: ScheduleOutcome, outcomes: ScheduleOutcome[]): boolean {
  if (o.verdict === "accepted") return false;
  if (o.resultRight || o.checks.some((c) => !c.passed && precedence(c.verdict) < precedence("race_condition"))) return true;
  return outcomes.some((x) => x.resultRight);
}

async function runTest(
  ctx: RunContext,
  test: TestCase,
  seeds: number[],
  attempts: { count: number; lastError?: string },
): Promise<ScheduleOutcome[]> {
  const redact = !test.sample && !ctx.revealHidden;
  const outcomes: ScheduleOutcome[] = [];
  for (const seed of seeds) {
    const result = await runWithRetry(ctx, buildSpec(ctx, test, seed), attempts);
    const { checks, resultRight } = judgeRun(ctx, test, result, redact);
    const outcome: ScheduleOutcome = { seed, result, checks, verdict: decisiveCheck(checks)?.verdict ?? "accepted", resultRight };
    outcomes.push(outcome);
    if (isFinal(outcome, outcomes)) break;
  }
  return outcomes;
}

/** The outcome that decides the test: the failing schedule of highest precedence, race-classified. */
function classifySchedules(outcomes: ScheduleOutcome[], threads: boolean): { decisive: ScheduleOutcome; verdict: Verdict; raceMessage?: string } {
  const failing = outcomes.filter((o) => o.verdict !== "accepted");
  if (failing.length === 0) return { decisive: outcomes[0], verdict: "accepted" };
  const decisive = failing.reduce((a, b) => (precedence(b.verdict) < precedence(a.verdict) ? b : a));
  if (threads && decisive.verdict === "wrong_answer") {
    const right = outcomes.find((o) => o.resultRight);
    if (right) {
      const raceMessage =
        `The result is wrong under schedule seed ${decisive.seed} but right under seed ${right.seed}: ` +
        `the outcome depends on how the threads interleave. Replay with --seed ${decisive.seed}.`;
      return { decisive, verdict: "race_condition", raceMessage };
    }
  }
  return { decisive, verdict: decisive.verdict };
}

function outputText(result: RunResult): string {
  const text = result.output.map((o) => o.text).join("");
  return text.length > OUTPUT_SHOWN_BYTES ? `${text.slice(0, OUTPUT_SHOWN_BYTES)}\n… (output truncated)` : text;
}

function testMetrics(result: RunResult): TestMetrics {
  const m = result.metrics;
  return {
    virtualMs: m.virtualMs,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    longestTaskMs: m.longestTaskMs,
    peakThreads: m.peakThreads,
    messages: m.messages,
    workersCreated: m.workersCreated,
  };
}

function toTestResult(test: TestCase, outcomes: ScheduleOutcome[], threads: boolean): TestResult {
  const hidden = !test.sample;
  const { decisive, verdict, raceMessage } = classifySchedules(outcomes, threads);
  const failed = decisiveCheck(decisive.checks);
  let checks = decisive.checks;
  let message = verdict === "accepted" ? "Passed." : failed?.message ?? "Failed.";
  if (raceMessage) {
    message = raceMessage;
    checks = [...checks, { check: "race", passed: false, verdict: "race_condition", message: raceMessage, figures: { seed: decisive.seed, schedulesTried: outcomes.length } }];
  }
  const result: TestResult = {
    name: test.name,
    passed: verdict === "accepted",
    verdict,
    message,
    hidden,
    sample: test.sample,
    checks,
    metrics: testMetrics(decisive.result),
    output: hidden ? "" : outputText(decisive.result),
    timeline: decisive.result.timeline,
  };
  if (threads) {
    result.seedsTried = outcomes.length;
    if (verdict !== "accepted") result.seed = decisive.seed;
  }
  return result;
}

function internalTestResult(test: TestCase, message: string): TestResult {
  return { name: test.name, passed: false, verdict: "internal_error", message, hidden: !test.sample, sample: test.sample, checks: [], metrics: {} };
}

// ---------------------------------------------------------------- report

function orderedTests(tests: TestCase[]): TestCase[] {
  return [...tests.filter((t) => t.sample), ...tests.filter((t) => !t.sample)];
}

function score(tests: TestResult[], verdict: Verdict): number {
  if (verdict === "accepted") return 100;
  if (tests.length === 0) return 0;
  return Math.min(99, Math.floor((100 * tests.filter((t) => t.passed).length) / tests.length));
}

const VERDICT_WORDS: Record<Verdict, string> = {
  accepted: "accepted",
  wrong_answer: "a wrong answer",
  compile_error: "a compile error",
  runtime_error: "a runtime error",
  time_limit_exceeded: "time limit exceeded",
  memory_limit_exceeded: "memory limit exceeded",
  output_limit_exceeded: "output limit exceeded",
  blocked_event_loop: "a blocked event loop",
  insufficient_concurrency: "insufficient concurrency",
  insufficient_speedup: "insufficient speedup",
  deadlock: "a deadlock",
  race_condition: "a race condition",
  resource_limit: "a resource limit",
  internal_error: "an internal error of the grader",
};

/** Checker messages may lack the final period; the summary goes on after them. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

function summarize(tests: TestResult[], verdict: Verdict): string {
  const passed = tests.filter((t) => t.passed).length;
  const samples = tests.filter((t) => t.sample).length;
  const counts = `${passed} of ${tests.length} tests passed (${samples} sample, ${tests.length - samples} hidden).`;
  if (verdict === "accepted") return `Accepted: every test passed and every performance and behaviour check held. ${counts}`;
  const first = tests.find((t) => !t.passed)!;
  const which = `${first.hidden ? "hidden" : "sample"} test "${first.name}"`;
  const replay = first.seed !== undefined ? ` It failed under schedule seed ${first.seed}; run again with --seed ${first.seed} to replay that schedule.` : "";
  const blame = verdict === "internal_error" ? " This is the grader's fault, not yours; the grading was retried once." : "";
  return `The verdict is ${VERDICT_WORDS[verdict]}, decided by the first failing test, ${which}: ${sentence(first.message)}${replay}${blame} ${counts} Tests run in a fixed order, samples first, and every test is reported.`;
}

function compileErrorReport(pkg: ProblemPackage, diagnostics: Diagnostic[], ms: number, seed: number, started: number): Report {
  const first = diagnostics[0];
  const where = first ? `${first.file}:${first.line}:${first.column}` : "";
  return {
    version: REPORT_VERSION,
    problem: { slug: pkg.config.slug, version: pkg.config.version },
    verdict: "compile_error",
    score: 0,
    summary: `The code does not compile, so no test was run. ${first ? `First error at ${where}: ${first.message}` : ""}`.trim(),
    compile: { ok: false, diagnostics, ms },
    tests: [],
    metrics: { totalMs: performance.now() - started, compileMs: ms, testsRun: 0, testsPassed: 0 },
    seed,
    method: METHOD,
  };
}

function missingExports(pkg: ProblemPackage, exported: string[], fileName: string): Diagnostic[] {
  return pkg.config.exports
    .filter((name) => !exported.includes(name))
    .map((name) => ({ file: fileName, line: 1, column: 1, code: 0, message: `The solution must export \`${name}\` (this problem needs: ${pkg.config.exports.join(", ")}).` }));
}

export async function gradeInProcess(pkg: ProblemPackage, source: string, options: GradeOptions = {}): Promise<Report> {
  const started = performance.now();
  const seedBase = options.seedBase ?? options.seed ?? randomSeedBase();
  const fileName = options.fileName ?? "solution.ts";
  const compiler = options.compiler ?? IN_PROCESS_COMPILER;
  const compiled = await compiler.solution(source, fileName);
  if (!compiled.ok) return compileErrorReport(pkg, compiled.diagnostics, compiled.ms, seedBase, started);
  const missing = missingExports(pkg, compiled.exports, fileName);
  if (missing.length > 0) return compileErrorReport(pkg, missing, compiled.ms, seedBase, started);

  let driverJs: string;
  try {
    driverJs = (await preparePackage(pkg, compiler)).driverJs;
  } catch (e) {
    return internalErrorReport(pkg, serializeError(e).message, 1, seedBase);
  }
  const ctx: RunContext = {
    pkg,
    driverJs,
    solutionJs: compiled.js,
    limits: resolveLimits(pkg.config.limits),
    cores: options.cores ?? availableParallelism(),
    timeline: options.timeline ?? true,
    runProgram: options.runProgram ?? loadRunProgram(),
    revealHidden: options.revealHidden ?? false,
  };
  const threads = pkg.config.track === "threads";
  const schedules = pkg.config.checks.schedules ?? DEFAULT_SCHEDULES;
  const attempts = { count: 1, lastError: undefined as string | undefined };
  const ordered = orderedTests(pkg.tests);
  const tests: TestResult[] = new Array(ordered.length);
  const concurrency = options.testConcurrency ?? Math.min(DEFAULT_TEST_CONCURRENCY, availableParallelism());
  await forEachTest(ordered, concurrency, (test) => test.threadsInTurn === true, async (test, testIndex) => {
    const seeds = threads ? seedsForTest({ base: seedBase, testIndex, schedules, replay: options.seed }) : [0];
    try {
      tests[testIndex] = toTestResult(test, await runTest(ctx, test, seeds, attempts), threads);
    } catch (e) {
      const err = serializeError(e);
      attempts.lastError = err.message;
      tests[testIndex] = internalTestResult(test, `The grader failed on this test: ${err.message}`);
    }
  });
  const verdict = submissionVerdict(tests);
  const report: Report = {
    version: REPORT_VERSION,
    problem: { slug: pkg.config.slug, version: pkg.config.version },
    verdict,
    score: score(tests, verdict),
    summary: summarize(tests, verdict),
    compile: { ok: true, diagnostics: [], ms: compiled.ms },
    tests,
    metrics: {
      totalMs: performance.now() - started,
      compileMs: compiled.ms,
      testsRun: tests.length,
      testsPassed: tests.filter((t) => t.passed).length,
      cpuMs: tests.reduce((s, t) => s + (t.metrics.cpuMs ?? 0), 0),
      longestTaskMs: Math.max(0, ...tests.map((t) => t.metrics.longestTaskMs ?? 0)),
      cores: ctx.cores,
    },
    seed: options.seed ?? seedBase,
    method: METHOD,
  };
  if (verdict === "internal_error") report.internal = { message: attempts.lastError ?? "the grader failed", attempts: attempts.count };
  return report;
}
