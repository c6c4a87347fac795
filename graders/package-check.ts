/**
 * The problem-setter's check of a package (Polygon-style invocations): every accepted solution must be
 * accepted and every known-wrong solution must get the verdict it is tagged with, on every run.
 * Shared by `npm run problems:check`, the test suite and (later) the admin's "Validate" button.
 */
import type { ProblemPackage } from "./problem-package";
import type { Report, Verdict } from "./report";
import type { GraderPool } from "./pool/supervisor";

export interface PackageCase {
  file: string;
  source: string;
  expected: Verdict;
}

export interface CaseOutcome extends PackageCase {
  got: Verdict[];
  ok: boolean;
  /** The first disagreeing report's summary, to say why. */
  why?: string;
  /** That report's figures (figuresOf), for whoever has to find out why. */
  figures?: string;
}

export function packageCases(pkg: ProblemPackage): PackageCase[] {
  return [
    ...Object.entries(pkg.solutions).map(([f, source]) => ({ file: `solutions/${f}`, source, expected: "accepted" as Verdict })),
    ...Object.entries(pkg.wrong).map(([f, w]) => ({ file: `wrong/${f}`, source: w.source, expected: w.verdict })),
  ];
}

export async function checkCase(pool: GraderPool, pkg: ProblemPackage, c: PackageCase, runs: number): Promise<CaseOutcome> {
  const reports = await Promise.all(
    Array.from({ length: runs }, () => pool.grade(pkg, c.source, { fileName: c.file.split("/").pop(), revealHidden: true })),
  );
  const got = reports.map((r) => r.verdict);
  const ok = got.every((v) => v === c.expected);
  const odd = reports.find((r) => r.verdict !== c.expected);
  return { ...c, got, ok, ...(odd ? { why: odd.summary, figures: figuresOf(odd) } : {}) };
}

/**
 * The figures of every check of a report that has some, as JSON (a speedup check lists each timed
 * call): what a verdict that came out otherwise than expected needs to be understood afterwards.
 */
export function figuresOf(r: Report): string {
  return JSON.stringify(r.tests.flatMap((t) => t.checks).flatMap((c) => (c.figures ? [c.figures] : [])));
}
