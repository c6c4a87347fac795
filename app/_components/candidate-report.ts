// What a candidate may see of a grading report. Hidden tests keep their name, pass/fail, verdict and
// the grader's message (written not to reveal inputs, and already quoted in the summary); their checks
// (figures), output, metrics, timeline and seed would reveal the hidden input, so they are dropped.
// Pure data: used by server pages before rendering and by the client on what the API returns.
import type { Report, TestResult, Verdict } from "../../graders/report";

export type CandidateTest = Pick<TestResult, "name" | "passed" | "verdict" | "message" | "hidden" | "sample"> &
  Partial<Pick<TestResult, "checks" | "metrics" | "output" | "timeline" | "seed">>;

export interface CandidateReport {
  verdict: Verdict;
  score: number;
  summary: string;
  compile?: Report["compile"];
  tests: CandidateTest[];
  metrics: Report["metrics"];
  method?: string;
}

function isReport(value: unknown): value is Report {
  const r = value as Partial<Report> | null;
  return !!r && typeof r === "object" && typeof r.verdict === "string" && typeof r.summary === "string" && Array.isArray(r.tests);
}

export function forCandidateTest(test: TestResult): CandidateTest {
  const base = { name: test.name, passed: test.passed, verdict: test.verdict, message: test.message, hidden: test.hidden, sample: test.sample };
  if (test.hidden) return base;
  return { ...base, checks: test.checks, metrics: test.metrics, output: test.output, timeline: test.timeline, seed: test.seed };
}

/** Null when the stored value is not a report (e.g. `{ failure }` left by a grading that never ran). */
export function forCandidate(report: unknown): CandidateReport | null {
  if (!isReport(report)) return null;
  return {
    verdict: report.verdict,
    score: report.score,
    summary: report.summary,
    compile: report.compile,
    tests: report.tests.map(forCandidateTest),
    metrics: report.metrics,
    method: report.method,
  };
}
