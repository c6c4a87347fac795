// Process-per-submission baseline (Judge0/Piston style): one fresh node process per submission that
// compiles the solution and the driver, then runs every test with real timers and compares results.
// argv: <work dir containing solution.ts, driver.ts, tests.json>. Prints {"verdict": ...} on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const dir = process.argv[2];
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
