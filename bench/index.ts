/**
 * npm run bench [-- grader|queue|ttfb [options]]
 *
 * The benchmarks, each printing its figures beside a baseline measured in the same run (ratios, not
 * absolute targets: these machines are shared and noisy). Without a name, all three run in turn.
 *   grader  grading latency and throughput of the grader pool vs a process per submission and the raw isolate floor
 *   queue   1,000 submissions from 50 users at once through the embedded queue with 1 and 2 grader processes
 *   ttfb    time to first byte of a problem page with 50 concurrent readers vs the app's health route
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const SECTIONS = ["grader", "queue", "ttfb"] as const;
type Section = (typeof SECTIONS)[number];

function main(argv: string[]): number {
  const named = SECTIONS.includes(argv[0] as Section) ? (argv[0] as Section) : undefined;
  if (argv[0] && !named && !argv[0].startsWith("--")) {
    console.error(`bench: unknown benchmark "${argv[0]}"; choose one of ${SECTIONS.join(", ")} (or none for all)`);
    return 2;
  }
  const sections = named ? [named] : [...SECTIONS];
  const options = named ? argv.slice(1) : argv;
  for (const s of sections) {
    console.log(`\n=== bench ${s} ===`);
    const r = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", join(__dirname, `${s}.ts`), ...(named || s === "grader" ? options : [])], { stdio: "inherit" });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

process.exit(main(process.argv.slice(2)));
