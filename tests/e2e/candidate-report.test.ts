// What the candidate's result view keeps of a report: hidden tests keep name and outcome only.
// (A unit test beside the browser test because it guards what that test's pages render.)
import { describe, expect, it } from "@jest/globals";
import { forCandidate } from "../../app/_components/candidate-report";
import { REPORT_VERSION, type Report, type TestResult } from "../../graders/report";

function test(name: string, hidden: boolean): TestResult {
  return {
    name,
    passed: false,
    verdict: "blocked_event_loop",
    message: "One task kept the event loop busy.",
    hidden,
    sample: !hidden,
    checks: [{ check: "blocking", passed: false, verdict: "blocked_event_loop", message: "secret", figures: { inputMs: 3600000 } }],
    seed: 7,
    metrics: { cpuMs: 91 },
    output: "printed the hidden input",
    timeline: { lanes: [{ id: "t0", label: "main", spans: [{ start: 1, end: 92, kind: "blocked" }] }], marks: [] },
  };
}

const report: Report = {
  version: REPORT_VERSION,
  problem: { slug: "sleep", version: 1 },
  verdict: "blocked_event_loop",
  score: 0,
  summary: "The verdict is a blocked event loop.",
  tests: [test("sample one", false), test("hidden one", true)],
  metrics: { totalMs: 100, testsRun: 2, testsPassed: 0 },
  seed: 1,
};

describe("forCandidate", () => {
  it("should keep only name, outcome, verdict and message of a hidden test", () => {
    const hidden = forCandidate(report)!.tests[1];
    expect(hidden).toEqual({ name: "hidden one", passed: false, verdict: "blocked_event_loop", message: "One task kept the event loop busy.", hidden: true, sample: false });
  });

  it("should keep a sample test's checks, metrics, output and timeline", () => {
    const sample = forCandidate(report)!.tests[0];
    expect(sample.timeline?.lanes[0].spans[0].kind).toBe("blocked");
    expect(sample.checks?.[0].figures).toEqual({ inputMs: 3600000 });
    expect(sample.output).toBe("printed the hidden input");
    expect(sample.metrics).toEqual({ cpuMs: 91 });
  });

  it("should answer null for a stored failure that is not a report", () => {
    expect(forCandidate({ failure: "grading was interrupted 3 times" })).toBeNull();
    expect(forCandidate(null)).toBeNull();
  });
});
