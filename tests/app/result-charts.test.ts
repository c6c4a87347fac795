// The result view draws concurrency and speedup for visible tests only, each with a text alternative:
// rendered to HTML as the result page does on the server (React's server renderer, no browser).
import { describe, expect, it } from "@jest/globals";
import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { forCandidate } from "../../app/_components/candidate-report";
import { SubmissionResult } from "../../app/_components/submission-result";
import type { Report, TestResult } from "../../graders/report";

function speedupTest(name: string, hidden: boolean): TestResult {
  return {
    name, passed: false, verdict: "insufficient_speedup", message: "not fast enough", hidden, sample: !hidden,
    checks: [{ check: "speedup", passed: false, verdict: "insufficient_speedup", message: "", figures: { oneWorkerMs: 300, workersMs: 250, speedup: 1.2, required: 1.4, workers: 2, cores: 2, callsMs: "1w 301.5, 2w 250, 2w 252.1, 1w 300" } }],
    metrics: {},
    timeline: {
      lanes: [
        { id: "t0", label: "main", spans: [{ start: 0, end: 5, kind: "task" }] },
        { id: "t1", label: "thread 1", spans: [{ start: 5, end: 200, kind: "task" }] },
        { id: "t2", label: "thread 2", spans: [{ start: 100, end: 250, kind: "task" }] },
      ],
      marks: [],
    },
  };
}

const report: Report = {
  version: 1, problem: { slug: "count-primes", version: 1 }, verdict: "insufficient_speedup", score: 50, summary: "Too slow.",
  tests: [speedupTest("speedup with two workers", false), speedupTest("speedup with four workers", true)],
  metrics: { totalMs: 1, testsRun: 2, testsPassed: 0 }, seed: 1,
};

// jest's swc transform compiles JSX to React.createElement (classic runtime); Next uses the automatic one.
(globalThis as { React?: typeof React }).React = React;

describe("SubmissionResult charts", () => {
  const html = renderToStaticMarkup(createElement(SubmissionResult, { report: forCandidate(report)! }));

  it("draws the speedup bars and the busy workers against the allowed count for the visible test only", () => {
    expect(html.match(/data-testid="speedup-chart"/g)).toHaveLength(1);
    expect(html.match(/data-testid="concurrency-chart"/g)).toHaveLength(1);
    expect(html).toContain("speedup with two workers: speedup against one worker");
    expect(html).not.toContain("speedup with four workers: speedup");
    expect(html).toContain('aria-label="Speedup 1.2 against one worker, required 1.4: one worker 300 ms, 2 workers 250 ms; not met."');
    expect(html).toContain("at most 2 worker threads busy at once; workers allowed 2.");
  });

  it("gives each picture a text table", () => {
    expect(html).toMatch(/<th scope="row">One worker<\/th><td>300 ms<\/td>/);
    expect(html).toMatch(/<td>100 ms<\/td><td>200 ms<\/td><td>2<\/td>/);
  });

  it("lists every timed call of the visible test, so a candidate sees the spread behind the medians", () => {
    expect(html.match(/data-testid="speedup-calls"/g)).toHaveLength(1);
    expect(html).toContain("Each timed call, in order (ms of virtual time): 1w 301.5, 2w 250, 2w 252.1, 1w 300.");
  });
});
