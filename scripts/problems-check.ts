/**
 * npm run problems:check [slug] [--runs N] [--root DIR]
 *
 * For every problem package (or one): every solutions/* must be accepted and every wrong/* must get
 * the verdict problem.json tags it with, on each of N runs (default 3), the same verdict every run.
 * Prints a table; exit 1 on any mismatch, 2 on bad arguments.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { createGraderPool, loadPackage, type ProblemPackage, type Verdict } from "../graders/index";
import { checkCase, packageCases } from "../graders/package-check";

interface Row {
  slug: string;
  file: string;
  expected: Verdict;
  got: Verdict[];
  ok: boolean;
  note?: string;
}

function parseArgs(argv: string[]): { root: string; slug?: string; runs: number } {
  let root = "problems";
  let runs = 3;
  let slug: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") runs = Number(argv[++i]);
    else if (a === "--root") root = argv[++i] ?? "";
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else if (slug === undefined) slug = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a positive whole number");
  if (!existsSync(root)) throw new Error(`no problems folder ${root}`);
  return { root: resolve(root), slug, runs };
}

function packageDirs(root: string, slug?: string): string[] {
  if (slug) return [join(root, slug)];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "problem.json")))
    .map((d) => join(root, d.name))
    .sort();
}

function printTable(rows: Row[]): void {
  const header = ["problem", "file", "expected", "got", ""];
  const body = rows.map((r) => [r.slug, r.file, r.expected, r.note ?? r.got.join(" "), r.ok ? "ok" : "MISMATCH"]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`problems:check: ${(e as Error).message}\nusage: npm run problems:check [slug] [--runs N] [--root DIR]`);
    return 2;
  }
  const rows: Row[] = [];
  const pool = createGraderPool({ size: availableParallelism() });
  const pending: Promise<void>[] = [];
  const mismatches: string[] = [];
  try {
    for (const dir of packageDirs(args.root, args.slug)) {
      const slug = dir.split("/").pop()!;
      let pkg: ProblemPackage;
      try {
        pkg = loadPackage(dir);
      } catch (e) {
        rows.push({ slug, file: "(package)", expected: "accepted", got: [], ok: false, note: (e as Error).message });
        continue;
      }
      for (const c of packageCases(pkg)) {
        const row: Row = { slug, file: c.file, expected: c.expected, got: [], ok: false };
        rows.push(row);
        pending.push(
          checkCase(pool, pkg, c, args.runs).then((outcome) => {
            row.got = outcome.got;
            row.ok = outcome.ok;
            if (!outcome.ok) mismatches.push(`${slug} ${c.file}: ${outcome.why} Figures: ${outcome.figures}`);
          }),
        );
      }
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  printTable(rows);
  for (const m of mismatches) console.log(`\n${m}`);
  const bad = rows.filter((r) => !r.ok).length;
  console.log(`\n${rows.length - bad} of ${rows.length} as expected (${args.runs} run(s) each)${bad ? `, ${bad} mismatch(es)` : ""}`);
  return bad ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`problems:check: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
