// A stored report as the reviewer sees it: everything, hidden tests included (interviewers may see the
// hidden inputs' figures and timelines; candidates get candidate-report.ts's stripped copy instead).
import type { CandidateReport } from "../../_components/candidate-report";
import type { Report } from "../../../graders/report";

export function forReviewer(value: unknown): CandidateReport | null {
  const r = value as Partial<Report> | null;
  if (!r || typeof r !== "object" || typeof r.verdict !== "string" || typeof r.summary !== "string" || !Array.isArray(r.tests) || !r.metrics) return null;
  return { verdict: r.verdict, score: r.score ?? 0, summary: r.summary, compile: r.compile, tests: r.tests, metrics: r.metrics, method: r.method };
}
