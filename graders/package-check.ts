/**
 * The problem-setter's check of a package (Polygon-style invocations): every accepted solution must be
 * accepted and every known-wrong solution must get the verdict it is tagged with, on every run.
 * Shared by `npm run problems:check`, the test suite and (later) the admin's "Validate" button.
 */
import type { ProblemPackage } from "./problem-package";
import type { Verdict } from "./report";
import type { GraderPool } from "./pool/supervisor";

export interface PackageCase {
  file: string;
  source: string;
  expected: Verdict;
}

export interface CaseOutcome extends PackageCase {
  got: Verdict[];
  ok: boolean;
  /** The first report's summary when a run disagreed, to say why. */
  why?: string;
}

export function packageCases(pkg: ProblemPackage): PackageCase[] {
  return [
    ...Object.entries(pkg.solutions).map(([f, source]) => ({ file: `solutions/${f}`, source, expected: "accepted" as Verdict })),
    ...Object.entries(pkg.wrong).map(([f, w]) => ({ file: `wrong/${f}`, source: w.source, expected: w.verdict })),
  ];
}

export async function checkCase(pool: GraderPool, pkg: ProblemPackage, c: PackageCase, runs: number): Promise<CaseOutcome> {
  const reports = await Promise.all(
    Array.from({ length: runs }, () => pool.grade(pkg, c.source, { fileName: c.file.split("/").pop() })),
  );
  const got = reports.map((r) => r.verdict);
  const ok = got.every((v) => v === c.expected);
  const odd = reports.find((r) => r.verdict !== c.expected);
  return { ...c, got, ok, why: odd?.summary };
}
