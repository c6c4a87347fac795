// Process-per-submission baseline (Judge0/Piston style): one fresh node process per submission that
// compiles the solution and the driver, then runs every test with real timers and compares results.
// argv: <work dir containing solution.ts, driver.ts, tests.json (and compiler-options.json)> [--type-check].
// Prints {"verdict": ...}.
// Without --type-check it only transpiles (the cheapest such runner). With it, it first type-checks the
// solution and driver as `tsc` would (Judge0's and Piston's TypeScript runners compile with tsc), against
// the same options, lib and declarations as the grader; a type error is compile_error.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const dir = process.argv[2];
const typeCheck = process.argv.includes("--type-check");
const graders = join(dirname(fileURLToPath(import.meta.url)), "..", "graders");

// The grader's own compiler options (graders/compiler-options.ts), written by process-per-submission.ts.
function typeErrors() {
  const options = JSON.parse(readFileSync(join(dir, "compiler-options.json"), "utf8"));
  const roots = [join(dir, "solution.ts"), join(dir, "driver.ts"), join(graders, "harness.d.ts"), join(graders, "runtime", "candidate-env.d.ts")];
  return ts.getPreEmitDiagnostics(ts.createProgram(roots, options)).filter((d) => d.category === ts.DiagnosticCategory.Error);
}
if (typeCheck && typeErrors().length > 0) {
  process.stdout.write(JSON.stringify({ verdict: "compile_error" }));
  process.exit(0);
}
const compile = (file) =>
  ts.transpileModule(readFileSync(join(dir, file), "utf8"), {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true },
  }).outputText;

const harness = `
const t0 = performance.now();
export const seed = 0, threadId = 0;
export const now = () => performance.now() - t0;
export const record = () => {}, log = () => {}, perturb = () => {};
export const random = Math.random;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const startThread = () => { throw new Error("threads not supported by the baseline"); };
`;
writeFileSync(join(dir, "harness.mjs"), harness);
writeFileSync(join(dir, "solution.mjs"), compile("solution.ts"));
writeFileSync(join(dir, "driver.mjs"), compile("driver.ts").replace(/["']grader:harness["']/g, JSON.stringify("./harness.mjs")));

const solution = await import(pathToFileURL(join(dir, "solution.mjs")).href);
const driver = await import(pathToFileURL(join(dir, "driver.mjs")).href);
const tests = JSON.parse(readFileSync(join(dir, "tests.json"), "utf8"));
let verdict = "accepted";
for (const t of tests) {
  try {
    const value = await driver.run(t.input, solution);
    if (!isDeepStrictEqual(value, t.expected) && verdict === "accepted") verdict = "wrong_answer";
  } catch {
    if (verdict === "accepted") verdict = "runtime_error";
  }
}
process.stdout.write(JSON.stringify({ verdict }));
