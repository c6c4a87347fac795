// The problem package a submission is graded against, as stored in ProblemVersion.package, trimmed to what
// grading reads: it travels in every BullMQ job, so statement, starter, extra solutions and the known-wrong
// set stay behind. A "run" grades the sample tests only (quick feedback); a "submit" grades them all.
import { validatePackage, type ProblemPackage } from "../../../graders/problem-package";

export type SubmissionKind = "run" | "submit";

export function gradingPackage(stored: unknown, kind: SubmissionKind): ProblemPackage {
  const pkg = validatePackage(stored as ProblemPackage);
  // The driver is type-checked against the first solution: keep exactly that one.
  const [firstName, first] = Object.entries(pkg.solutions)[0];
  const samples = pkg.tests.filter((t) => t.sample);
  return {
    ...pkg,
    statement: "",
    starter: "",
    solutions: { [firstName]: first },
    wrong: {},
    tests: kind === "run" && samples.length > 0 ? samples : pkg.tests,
  };
}
