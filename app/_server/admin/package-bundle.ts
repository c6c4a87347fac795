// The export/import format of a problem package: one JSON object holding the package's files by their
// path in problems/<slug>/, exactly as they would be on disk:
//
//   { "format": "concurrency-dojo-package", "files": { "problem.json": "...", "statement.md": "...",
//     "starter.ts": "...", "driver.ts": "...", "checker.ts": "..." (optional), "tests.json": "...",
//     "solutions/reference.ts": "...", "wrong/<name>.ts": "..." } }
//
// Every value is the file's text, so a bundle can be unpacked into a folder that `npm run problems:check`
// and the seed read unchanged (and a folder packed into a bundle). No zip library is installed, hence JSON.
// Pure: no database, no "server-only"; the reading side mirrors graders/problem-package.ts loadPackage.
import { z } from "zod";
import type { ProblemConfig, ProblemPackage, TestCase } from "../../../graders/problem-package";
import type { Verdict } from "../../../graders/report";

export const BUNDLE_FORMAT = "concurrency-dojo-package";

export interface PackageBundle {
  format: typeof BUNDLE_FORMAT;
  files: Record<string, string>;
}

const SOURCE_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(ts|js|mjs)$/;
const TOP_FILES = new Set(["problem.json", "statement.md", "starter.ts", "driver.ts", "checker.ts", "tests.json"]);

/** The files of a package, as `problems/<slug>/` holds them (JSON pretty-printed like the checked-in ones). */
export function packageToBundle(pkg: ProblemPackage): PackageBundle {
  const files: Record<string, string> = {
    "problem.json": `${JSON.stringify(pkg.config, null, 2)}\n`,
    "statement.md": pkg.statement,
    "starter.ts": pkg.starter,
    "driver.ts": pkg.driver,
  };
  if (pkg.checker !== undefined) files["checker.ts"] = pkg.checker;
  files["tests.json"] = `${JSON.stringify(pkg.tests, null, 2)}\n`;
  for (const [name, source] of Object.entries(pkg.solutions)) files[`solutions/${name}`] = source;
  for (const [name, w] of Object.entries(pkg.wrong)) files[`wrong/${name}`] = w.source;
  return { format: BUNDLE_FORMAT, files };
}

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `format must be "${BUNDLE_FORMAT}".` }).optional(),
  files: z.record(z.string(), z.string({ error: "Every file's content must be a string." }), { error: "files must be an object of path -> text." }),
});

export type BundleErrors = Record<string, string[]>;

export class BundleError extends Error {
  constructor(readonly errors: BundleErrors) {
    super(Object.entries(errors).map(([k, v]) => `${k}: ${v.join("; ")}`).join("\n"));
    this.name = "BundleError";
  }
}

/**
 * The package in a bundle, not yet validated against the package schema (the caller does that, so
 * errors come out per field). Structural problems (missing files, unknown paths, bad JSON, untagged
 * wrong solutions) throw a BundleError keyed by file path.
 */
export function bundleToPackage(files: Record<string, string>): ProblemPackage {
  const errors: BundleErrors = {};
  const fail = (key: string, message: string) => (errors[key] ??= []).push(message);
  const solutions: Record<string, string> = {};
  const wrongFiles: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (TOP_FILES.has(path)) continue;
    const m = /^(solutions|wrong)\/([^/]+)$/.exec(path);
    if (!m || !SOURCE_FILE.test(m[2])) {
      fail(path, "not a package file (expected problem.json, statement.md, starter.ts, driver.ts, checker.ts, tests.json, solutions/*.ts or wrong/*.ts)");
      continue;
    }
    (m[1] === "solutions" ? solutions : wrongFiles)[m[2]] = text;
  }
  for (const required of ["problem.json", "statement.md", "starter.ts", "driver.ts", "tests.json"]) {
    if (typeof files[required] !== "string") fail(required, "missing");
  }
  const json = (name: string): unknown => {
    if (typeof files[name] !== "string") return undefined;
    try {
      return JSON.parse(files[name]);
    } catch (e) {
      fail(name, `not valid JSON: ${(e as Error).message}`);
      return undefined;
    }
  };
  const config = json("problem.json") as ProblemConfig | undefined;
  const tests = json("tests.json") as TestCase[] | undefined;
  const tags = (config && typeof config === "object" && config.wrong && typeof config.wrong === "object" ? config.wrong : {}) as Record<string, Verdict>;
  for (const f of Object.keys(wrongFiles)) if (!tags[f]) fail(`wrong/${f}`, `has no verdict in problem.json "wrong"`);
  for (const f of Object.keys(tags)) if (wrongFiles[f] === undefined) fail("problem.json", `"wrong" names ${f}, which is not in wrong/`);
  if (Object.keys(errors).length > 0) throw new BundleError(errors);
  return {
    config: config as ProblemConfig,
    statement: files["statement.md"],
    starter: files["starter.ts"],
    driver: files["driver.ts"],
    checker: files["checker.ts"],
    tests: tests as TestCase[],
    solutions,
    wrong: Object.fromEntries(Object.entries(wrongFiles).map(([f, source]) => [f, { source, verdict: tags[f] }])),
  };
}
