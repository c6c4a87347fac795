// What the problem editor sends, and how it becomes a validated ProblemPackage with one message per field.
// The package schema itself is graders/problem-package.ts (problemConfigSchema, testCaseSchema,
// validatePackage); this module only maps its issues to the editor's fields ("config.limits.cpuMs",
// "tests.2.name", "wrong.0.name") so the page can show each message beside its input.
import { z } from "zod";
import { problemConfigSchema, testCaseSchema, validatePackage, type ProblemPackage, type TestCase } from "../../../graders/problem-package";
import { VERDICTS, type Verdict } from "../../../graders/report";

export type FieldErrors = Record<string, string[]>;

export class PackageInputError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("The package is not valid: " + Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join("; ")}`).join(" | "));
    this.name = "PackageInputError";
  }
}

const MAX_SOURCE = 200_000;
const MAX_TESTS_JSON = 4_000_000;
export const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.ts$/;
const fileName = z.string().trim().regex(FILE_NAME, "File name: letters, digits, '-', '_' or '.', ending in .ts (e.g. reference.ts).");
const source = (what: string) => z.string({ error: `${what} must be text.` }).max(MAX_SOURCE, `${what} is longer than ${MAX_SOURCE} characters.`);

/** The editor's form, as JSON. `tests` is the JSON editor's text, so a syntax error comes back as a field error. */
export const packageDraftSchema = z.object({
  config: z.record(z.string(), z.unknown(), { error: "config must be an object." }),
  statement: source("The statement").min(1, "Write a statement."),
  starter: source("The starter code").min(1, "Give the candidate some starter code."),
  driver: source("The driver").min(1, "The driver is required: it calls the candidate's exports in the sandbox."),
  /** Empty: no checker, the driver's value is compared to each test's expected value. */
  checker: source("The checker").default(""),
  tests: z.string({ error: "tests must be the JSON text of the tests." }).max(MAX_TESTS_JSON, "The tests JSON is too large."),
  solutions: z.array(z.object({ name: fileName, source: source("A solution").min(1, "This solution is empty.") })).min(1, "Add at least one reference solution."),
  wrong: z
    .array(z.object({ name: fileName, verdict: z.enum(VERDICTS, { error: "Pick the verdict this solution must get." }), source: source("A wrong solution").min(1, "This solution is empty.") }))
    .default([]),
});
export type PackageDraft = z.input<typeof packageDraftSchema>;

function add(errors: FieldErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

function addIssues(errors: FieldErrors, prefix: string, error: z.ZodError) {
  for (const issue of error.issues) add(errors, [prefix, ...issue.path.map(String)].join("."), issue.message);
}

function duplicates(names: string[]): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  names.forEach((n, i) => {
    if (seen.has(n)) dup.add(i);
    else seen.set(n, i);
  });
  return dup;
}

/**
 * Field errors of a package against the package schema, keyed `${configKey}.<path>` and `${testsKey}.<i>.<field>`
 * (the editor uses config/tests, an imported bundle problem.json/tests.json). Empty when valid.
 */
export function packageFieldErrors(pkg: ProblemPackage, keys = { config: "config", tests: "tests" }): FieldErrors {
  const errors: FieldErrors = {};
  const config = problemConfigSchema.safeParse(pkg.config);
  if (!config.success) addIssues(errors, keys.config, config.error);
  const tests = z.array(testCaseSchema).min(1, "Add at least one test.").safeParse(pkg.tests);
  if (!tests.success) addIssues(errors, keys.tests, tests.error);
  else for (const i of duplicates(tests.data.map((t) => t.name))) add(errors, `${keys.tests}.${i}.name`, `Duplicate test name "${tests.data[i].name}".`);
  if (Object.keys(pkg.solutions ?? {}).length === 0) add(errors, "solutions", "Add at least one reference solution.");
  return errors;
}

/** The editor's JSON -> a validated ProblemPackage, or PackageInputError with every problem by field. */
export function packageFromDraft(input: unknown): ProblemPackage {
  const parsed = packageDraftSchema.safeParse(input);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    addIssues(errors, "", parsed.error);
    // addIssues with an empty prefix leaves a leading dot.
    throw new PackageInputError(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^\./, ""), v])));
  }
  const draft = parsed.data;
  let tests: unknown;
  try {
    tests = JSON.parse(draft.tests);
  } catch (e) {
    add(errors, "tests", `Not valid JSON: ${(e as Error).message}`);
  }
  for (const i of duplicates(draft.solutions.map((s) => s.name))) add(errors, `solutions.${i}.name`, `Another solution is already called ${draft.solutions[i].name}.`);
  for (const i of duplicates(draft.wrong.map((s) => s.name))) add(errors, `wrong.${i}.name`, `Another wrong solution is already called ${draft.wrong[i].name}.`);
  const wrongTags: Record<string, Verdict> = Object.fromEntries(draft.wrong.map((w) => [w.name, w.verdict]));
  for (const [i, w] of draft.wrong.entries()) {
    if (w.verdict === "accepted") add(errors, `wrong.${i}.verdict`, "A known-wrong solution cannot be tagged accepted: put it under reference solutions.");
  }
  const pkg: ProblemPackage = {
    config: { ...draft.config, wrong: wrongTags } as ProblemPackage["config"],
    statement: draft.statement,
    starter: draft.starter,
    driver: draft.driver,
    checker: draft.checker.trim() === "" ? undefined : draft.checker,
    tests: (tests ?? []) as TestCase[],
    solutions: Object.fromEntries(draft.solutions.map((s) => [s.name, s.source])),
    wrong: Object.fromEntries(draft.wrong.map((w) => [w.name, { source: w.source, verdict: w.verdict }])),
  };
  const schemaErrors = packageFieldErrors(pkg);
  // A JSON syntax error already explains the tests; "expected array" on top of it would only confuse.
  if (errors.tests) for (const k of Object.keys(schemaErrors)) if (k === "tests" || k.startsWith("tests.")) delete schemaErrors[k];
  for (const [k, v] of Object.entries(schemaErrors)) for (const m of v) add(errors, k, m);
  if (Object.keys(errors).length > 0) throw new PackageInputError(errors);
  return validatePackage(pkg);
}

/** A stored package as the editor shows it (the inverse of packageFromDraft). */
export function draftFromPackage(pkg: ProblemPackage): z.output<typeof packageDraftSchema> {
  const { wrong: _tags, ...config } = pkg.config;
  return {
    config,
    statement: pkg.statement,
    starter: pkg.starter,
    driver: pkg.driver,
    checker: pkg.checker ?? "",
    tests: JSON.stringify(pkg.tests, null, 2),
    solutions: Object.entries(pkg.solutions).map(([name, s]) => ({ name, source: s })),
    wrong: Object.entries(pkg.wrong).map(([name, w]) => ({ name, verdict: w.verdict, source: w.source })),
  };
}
