/**
 * The problem package: one folder per problem in problems/<slug>/, readable and diffable.
 *
 *   problem.json     metadata + grading configuration (schema below)
 *   statement.md     Markdown: story, exact signature, examples, constraints, "What the grader checks"
 *   starter.ts       what the editor starts with
 *   driver.ts        trusted, runs IN the sandbox: `export async function run(input, solution)` calls the
 *                    candidate's exports and returns raw observations (threads track: also thread entries
 *                    started with harness.startThread). Imports "grader:harness".
 *   checker.ts       trusted, runs on the HOST: `export function check(ctx: CheckContext): CheckOutcome[]`.
 *                    Optional: without it the driver's value is compared to test.expected (deep equality).
 *   tests.json       [{ name, sample, input, expected?, threadsInTurn? }] in the order they run (samples first)
 *   solutions/*.ts   accepted solutions (reference.ts, plus independent ones)
 *   wrong/*.ts       known-wrong solutions; the verdict each must get is tagged in problem.json "wrong"
 *
 * This module only reads and validates; it never runs anything.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { VERDICTS, type CheckOutcome, type Verdict } from "./report";
import type { RunMetrics, RunResult } from "./sandbox/run-spec";

export const TRACKS = ["async", "threads", "workers"] as const;
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const verdictSchema = z.enum(VERDICTS);

export const problemConfigSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slug: lower-case words joined by '-'"),
  title: z.string().min(1),
  track: z.enum(TRACKS),
  difficulty: z.enum(DIFFICULTIES),
  version: z.number().int().positive(),
  /** Names the solution module must export. */
  exports: z.array(z.string().min(1)).min(1),
  /** Per-test limits; anything omitted takes graders/limits.ts defaults. Requests may lower limits, never raise past the hard caps. */
  limits: z
    .object({
      virtualMs: z.number().positive().optional(),
      cpuMs: z.number().positive().optional(),
      wallMs: z.number().positive().optional(),
      memoryMb: z.number().positive().optional(),
      outputBytes: z.number().int().positive().optional(),
      maxWorkers: z.number().int().nonnegative().optional(),
      maxWorkersTotal: z.number().int().nonnegative().optional(),
      maxMessages: z.number().int().nonnegative().optional(),
    })
    .default({}),
  checks: z
    .object({
      /** blocked_event_loop when one main-thread macrotask takes longer (CPU ms). */
      longestTaskMs: z.number().positive().optional(),
      /** Seeded schedules each threads test runs under (race detection). */
      schedules: z.number().int().positive().optional(),
      /** Required speedup = factor × min(workers, cores). */
      speedupFactor: z.number().positive().optional(),
    })
    .default({}),
  /** Globals the candidate may not use, e.g. "Promise.all". */
  forbid: z.array(z.string()).default([]),
  /** Known-wrong solutions: file name in wrong/ -> the verdict it must get. */
  wrong: z.record(z.string(), verdictSchema).default({}),
});
export type ProblemConfig = z.infer<typeof problemConfigSchema>;

export const testCaseSchema = z.object({
  name: z.string().min(1),
  /** Sample tests are shown to candidates (input, expected, output); the others are hidden. */
  sample: z.boolean().default(false),
  input: z.unknown(),
  expected: z.unknown().optional(),
  /** Run the test with the candidate's threads taking turns on the CPU (RunSpec.threadsInTurn): for tests that measure speedup. */
  threadsInTurn: z.boolean().optional(),
});
export type TestCase = z.infer<typeof testCaseSchema>;

export interface ProblemPackage {
  config: ProblemConfig;
  statement: string;
  starter: string;
  driver: string;
  /** Source of checker.ts, or undefined for deep equality against test.expected. */
  checker?: string;
  tests: TestCase[];
  solutions: Record<string, string>;
  wrong: Record<string, { source: string; verdict: Verdict }>;
}

/** What a host-side checker sees for one test under one schedule. */
export interface CheckContext {
  test: TestCase;
  config: ProblemConfig;
  /** The driver's resolved value (copied out of the sandbox). */
  value: unknown;
  marks: RunResult["marks"];
  logs: RunResult["logs"];
  metrics: RunMetrics;
  /** Cores the runtime granted (for speedup: c = min(workers, cores)). */
  cores: number;
}
export type Checker = (ctx: CheckContext) => CheckOutcome[];

export class ProblemPackageError extends Error {
  readonly code = "PROBLEM_PACKAGE_INVALID";
  constructor(readonly slug: string, message: string) {
    super(`problem ${slug}: ${message}`);
    this.name = "ProblemPackageError";
  }
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const readOptional = (dir: string, file: string) => (existsSync(join(dir, file)) ? read(dir, file) : undefined);

function readFolder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir).filter((f) => /\.(ts|js|mjs)$/.test(f)).sort();
  return Object.fromEntries(files.map((f) => [f, read(dir, f)]));
}

function parseJson(slug: string, file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProblemPackageError(slug, `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** Validate an in-memory package (from files, the database or an upload). */
export function validatePackage(pkg: ProblemPackage): ProblemPackage {
  const slug = pkg.config?.slug ?? "?";
  const config = problemConfigSchema.safeParse(pkg.config);
  if (!config.success) throw new ProblemPackageError(slug, `problem.json: ${formatIssues(config.error)}`);
  const tests = z.array(testCaseSchema).min(1).safeParse(pkg.tests);
  if (!tests.success) throw new ProblemPackageError(slug, `tests.json: ${formatIssues(tests.error)}`);
  if (Object.keys(pkg.solutions).length === 0) throw new ProblemPackageError(slug, "no solution in solutions/");
  const names = new Set<string>();
  for (const t of tests.data) {
    if (names.has(t.name)) throw new ProblemPackageError(slug, `tests.json: duplicate test name "${t.name}"`);
    names.add(t.name);
  }
  return { ...pkg, config: config.data, tests: tests.data };
}

/** Load problems/<slug>/ from disk. */
export function loadPackage(dir: string): ProblemPackage {
  const slug = dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;
  if (!existsSync(join(dir, "problem.json"))) throw new ProblemPackageError(slug, "missing problem.json");
  const config = parseJson(slug, "problem.json", read(dir, "problem.json")) as ProblemConfig;
  const wrongFiles = readFolder(join(dir, "wrong"));
  const tags = (config?.wrong ?? {}) as Record<string, Verdict>;
  for (const f of Object.keys(wrongFiles)) {
    if (!tags[f]) throw new ProblemPackageError(slug, `wrong/${f} has no verdict in problem.json "wrong"`);
  }
  for (const f of Object.keys(tags)) {
    if (!wrongFiles[f]) throw new ProblemPackageError(slug, `problem.json "wrong" names ${f}, which is not in wrong/`);
  }
  return validatePackage({
    config,
    statement: read(dir, "statement.md"),
    starter: read(dir, "starter.ts"),
    driver: read(dir, "driver.ts"),
    checker: readOptional(dir, "checker.ts"),
    tests: parseJson(slug, "tests.json", read(dir, "tests.json")) as TestCase[],
    solutions: readFolder(join(dir, "solutions")),
    wrong: Object.fromEntries(Object.entries(wrongFiles).map(([f, source]) => [f, { source, verdict: tags[f] }])),
  });
}

/** Every package under a problems/ root, sorted by slug. */
export function loadAllPackages(root: string): ProblemPackage[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "problem.json")))
    .map((d) => loadPackage(join(root, d.name)))
    .sort((a, b) => a.config.slug.localeCompare(b.config.slug));
}
