/**
 * npm run bench -- grader [--problem <slug|dir>] [--n N]
 *
 * Grading latency (p50/p95, one submission at a time) and throughput (submissions/s with one job per
 * core in flight) of the grader pool, side by side with (a) a fresh node process per submission that
 * type-checks, compiles and runs the same solution and driver (Judge0/Piston style: their TypeScript
 * runners compile with tsc; real timers), (a') the same process transpiling only, without the type
 * check the pool does, and (b) the raw isolated-vm floor (a new isolate running the same compiled
 * code, nothing else). Not a test: figures depend on the machine and its load.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createGraderPool, loadPackage, type ProblemPackage } from "../graders/index";
import { compileOwnProgram, compileSolution, compileTrusted } from "../graders/compile";
import { gradeInFreshProcess } from "./process-per-submission";
import { gradeInRawIsolate } from "./isolate-floor";
import { latencies, summarize, tally, throughput, type LegFigures } from "./stats";

function parseArgs(argv: string[]): { problem: string; n: number } {
  let problem = join(__dirname, "../tests/fixtures/grader/packages/double");
  let n = 20;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--problem") {
      const p = argv[++i];
      problem = existsSync(join(p, "problem.json")) ? resolve(p) : resolve("problems", p);
    } else if (argv[i] === "--n") n = Number(argv[++i]);
  }
  return { problem, n };
}

async function leg(name: string, n: number, concurrency: number, job: () => Promise<string>): Promise<LegFigures> {
  const verdicts: string[] = [];
  const run = async () => verdicts.push(await job());
  await run(); // warm-up, not counted
  verdicts.length = 0;
  const lat = summarize(await latencies(n, run));
  const thr = await throughput(n, concurrency, run);
  return { name, ...lat, throughput: thr, concurrency, samples: n, verdicts: tally(verdicts) };
}

const f1 = (x: number) => x.toFixed(1);

function printTable(rows: LegFigures[]): void {
  const header = ["leg", "p50 ms", "p95 ms", "mean ms", "subs/s", "in flight", "verdicts"];
  const body = rows.map((r) => [r.name, f1(r.p50), f1(r.p95), f1(r.mean), f1(r.throughput), String(r.concurrency), r.verdicts]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<void> {
  const { problem, n } = parseArgs(process.argv.slice(2));
  const pkg: ProblemPackage = loadPackage(problem);
  const source = pkg.solutions["reference.ts"] ?? Object.values(pkg.solutions)[0];
  const cores = availableParallelism();
  console.log(`bench: problem ${pkg.config.slug} (${pkg.tests.length} tests), ${n} submissions per leg, ${cores} cores, node ${process.version}\n`);

  // Every submission is a new text (a numbered comment), as in real use: nothing may be reused by source.
  let submitted = 0;
  const submission = () => `${source}\n// submission ${++submitted}\n`;
  const compiled = compileSolution(source);
  const driver = compileTrusted(pkg.driver, "driver.ts", { source });
  if (!compiled.ok || !driver.ok) throw new Error("the reference solution or the driver does not compile");
  const compileMs = summarize((await latencies(n, async () => compileSolution(submission()))).slice());
  const ownProgramMs = summarize((await latencies(n, async () => compileOwnProgram(submission()))).slice());

  const pool = createGraderPool({ size: cores });
  const rows: LegFigures[] = [];
  try {
    await Promise.all(Array.from({ length: cores }, () => pool.grade(pkg, source))); // start and warm every process
    rows.push(await leg("grader pool (this project)", n, cores, async () => (await pool.grade(pkg, submission())).verdict));
  } finally {
    await pool.close();
  }
  rows.push(await leg("process per submission (a)", n, cores, () => gradeInFreshProcess(pkg, submission(), true)));
  rows.push(await leg("  transpiling only (a')", n, cores, () => gradeInFreshProcess(pkg, submission(), false)));
  rows.push(await leg("raw isolated-vm floor (b)", n, 1, () => gradeInRawIsolate(pkg, compiled.js, driver.js)));

  printTable(rows);
  const [ours, perProcess, transpiling, floor] = rows;
  console.log("");
  console.log(`type check + compile of the solution alone: p50 ${f1(compileMs.p50)} ms, p95 ${f1(compileMs.p95)} ms (in the pool's and (a)'s figures, not in (a') or (b): (a') only transpiles, (b) reuses the compiled code)`);
  console.log(`  with a program and checker of its own, as before the shared checker and as (a) does: p50 ${f1(ownProgramMs.p50)} ms, p95 ${f1(ownProgramMs.p95)} ms`);
  console.log(`latency p50: pool ${f1(ours.p50)} ms = ${f1(perProcess.p50 / ours.p50)}x faster than a process per submission (${f1(transpiling.p50 / ours.p50)}x transpiling only), ${f1(ours.p50 / floor.p50)}x the raw isolate floor`);
  console.log(`throughput: pool ${f1(ours.throughput)}/s vs process per submission ${f1(perProcess.throughput)}/s (${f1(ours.throughput / perProcess.throughput)}x; transpiling only ${f1(transpiling.throughput)}/s, ${f1(ours.throughput / transpiling.throughput)}x), all with ${cores} in flight`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
