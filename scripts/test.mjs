// The README's test command: type-check, build the grader bundles, run jest, print one plain line for CI.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync, rmSync } from "node:fs";

const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --no-node-snapshot`.trim() };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

if (run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) !== 0) {
  console.log("type check failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
if (run("node", ["scripts/build-graders.mjs"]) !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const results = "jest-results.json";
rmSync(results, { force: true });
const code = run("npx", ["jest", "--json", `--outputFile=${results}`, ...process.argv.slice(2)]);
if (!existsSync(results)) {
  console.log("0 passed, 1 failed");
  process.exit(code || 1);
}
const r = JSON.parse(readFileSync(results, "utf8"));
const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
console.log(`${r.numPassedTests} passed, ${failed} failed`);
process.exit(r.numPassedTests === 0 ? 1 : code);
