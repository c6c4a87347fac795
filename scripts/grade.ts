/**
 * npm run grade -- <slug|package-dir> <solution.ts> [--json] [--seed N]
 *
 * Grades one solution against problems/<slug>/ in a grader process and prints a readable report, or
 * with --json the Report object alone on stdout. Exit 0 when accepted, 1 otherwise, 2 on bad arguments.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { createGraderPool, loadPackage, type Report, type TestResult } from "../graders/index";

const USAGE = "usage: npm run grade -- <slug> <solution.ts> [--json] [--seed N]";

interface Args {
  packageDir: string;
  solutionPath: string;
  json: boolean;
  seed?: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let json = false;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--seed" || a.startsWith("--seed=")) {
      const raw = a === "--seed" ? argv[++i] : a.slice("--seed=".length);
      if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) > 0xffffffff) throw new UsageError(`--seed needs a whole number from 0 to 4294967295, got ${raw ?? "nothing"}`);
      seed = Number(raw);
    } else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 2) throw new UsageError(`expected a problem and a solution file, got ${positional.length} argument(s)`);
  const [problem, solutionPath] = positional;
  const packageDir = existsSync(join(problem, "problem.json")) ? resolve(problem) : resolve("problems", problem);
  if (!existsSync(join(packageDir, "problem.json"))) throw new UsageError(`no problem "${problem}" (looked for ${join(packageDir, "problem.json")})`);
  if (!existsSync(solutionPath) || !statSync(solutionPath).isFile()) throw new UsageError(`no such solution file: ${solutionPath}`);
  if (!/\.(ts|js|mjs)$/.test(solutionPath)) throw new UsageError(`the solution must be a .ts, .js or .mjs file: ${solutionPath}`);
  return { packageDir, solutionPath, json, seed };
}

const fmt = (ms: number | undefined) => (ms === undefined ? "-" : `${Math.round(ms * 10) / 10} ms`);

function testLine(t: TestResult): string {
  const mark = t.passed ? "PASS" : "FAIL";
  const kind = t.sample ? "sample" : "hidden";
  const m = t.metrics;
  const seed = t.seed !== undefined ? `  seed ${t.seed}` : t.seedsTried ? `  ${t.seedsTried} schedules` : "";
  const figures = `virtual ${fmt(m.virtualMs)}, cpu ${fmt(m.cpuMs)}, longest task ${fmt(m.longestTaskMs)}`;
  const lines = [`  ${mark}  ${t.name} (${kind})  ${t.verdict}${seed}`, `        ${t.message}`, `        ${figures}`];
  if (t.output) lines.push(...t.output.trimEnd().split("\n").slice(0, 10).map((l) => `        | ${l}`));
  return lines.join("\n");
}

function printReport(report: Report): void {
  const out: string[] = [];
  out.push(`${report.problem.slug} v${report.problem.version}: ${report.verdict.toUpperCase()}  score ${report.score}`);
  out.push("");
  out.push(report.summary);
  if (report.compile && !report.compile.ok) {
    out.push("");
    for (const d of report.compile.diagnostics) out.push(`  ${d.file}:${d.line}:${d.column} error${d.code ? ` TS${d.code}` : ""}: ${d.message}`);
  }
  if (report.tests.length) {
    out.push("");
    for (const t of report.tests) out.push(testLine(t));
  }
  out.push("");
  out.push(`tests ${report.metrics.testsPassed}/${report.metrics.testsRun}, compile ${fmt(report.metrics.compileMs)}, total ${fmt(report.metrics.totalMs)}, seed ${report.seed}`);
  console.log(out.join("\n"));
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`grade: ${e.message}\n${USAGE}`);
    return 2;
  }
  let pkg;
  try {
    pkg = loadPackage(args.packageDir);
  } catch (e) {
    console.error(`grade: ${(e as Error).message}`);
    return 2;
  }
  const source = readFileSync(args.solutionPath, "utf8");
  const pool = createGraderPool({ size: 1 });
  try {
    const report = await pool.grade(pkg, source, { fileName: basename(args.solutionPath), seed: args.seed });
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printReport(report);
    return report.verdict === "accepted" ? 0 : 1;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`grade: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
