// The result of a graded submission for its candidate: verdict and why, the per-test table, metrics and
// the sample tests' timelines. Takes a CandidateReport (hidden tests already stripped of their details).
// No hooks: rendered by the result page on the server and by the workspace in the browser.
import type { CandidateReport, CandidateTest } from "./candidate-report";
import { ConcurrencyChart } from "./concurrency-chart";
import { concurrencySeries } from "./concurrency-data";
import { SpeedupChart } from "./speedup-chart";
import { speedupFigures } from "./speedup-data";
import { TimelineChart } from "./timeline";
import { VerdictBadge, verdictLabel } from "./verdict-badge";

function figure(value: number | string | undefined, unit = ""): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`;
}

function TestsTable({ tests }: { tests: CandidateTest[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Tests</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3 font-medium">Test</th>
            <th scope="col" className="py-1 pr-3 font-medium">Passed</th>
            <th scope="col" className="py-1 pr-3 font-medium">Verdict</th>
            <th scope="col" className="hidden py-1 font-medium sm:table-cell">Message</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t, i) => (
            <tr key={i} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {t.name} <span className="text-xs text-slate-500">({t.hidden ? "hidden" : "sample"})</span>
                {/* Phones: the message goes under the name instead of a fourth, very narrow column. */}
                {!t.passed && <span className="mt-1 block text-xs text-slate-700 sm:hidden">{t.message}</span>}
              </th>
              <td className="py-1 pr-3">{t.passed ? "✓ yes" : "✗ no"}</td>
              <td className="py-1 pr-3">{verdictLabel(t.verdict)}</td>
              <td className="hidden py-1 sm:table-cell">{t.passed ? "" : t.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Concurrency and speedup pictures of the visible tests; hidden tests carry no timeline or figures. */
function ParallelismCharts({ tests, Heading }: { tests: CandidateTest[]; Heading: "h3" | "h4" }) {
  const charts = tests
    .filter((t) => !t.hidden)
    .map((t) => ({
      test: t,
      // The timeline draws the grader's own concurrency steps when it has them; no second copy here.
      series: t.timeline?.concurrency?.length ? null : concurrencySeries(t.timeline, t.checks),
      speedup: speedupFigures(t.checks),
    }))
    .filter((c) => c.series || c.speedup);
  if (charts.length === 0) return null;
  return (
    <div className="space-y-4">
      <Heading className="font-semibold">Concurrency and speedup</Heading>
      {charts.map(({ test, series, speedup }, i) => (
        <div key={i} className="space-y-3">
          {series && <ConcurrencyChart series={series} title={`${test.name}: ${series.counting} over virtual time`} />}
          {speedup && <SpeedupChart figures={speedup} title={`${test.name}: speedup against one worker`} />}
        </div>
      ))}
    </div>
  );
}

function Metrics({ report }: { report: CandidateReport }) {
  const m = report.metrics;
  const rows: [string, string][] = [
    ["Tests passed", `${m.testsPassed} of ${m.testsRun}`],
    ["Score", `${report.score}`],
    ["CPU time (all threads)", figure(m.cpuMs, " ms")],
    ["Longest macrotask", figure(m.longestTaskMs, " ms")],
    ["Compile", figure(m.compileMs, " ms")],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt className="text-slate-600">{k}</dt>
          <dd className="font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SubmissionResult({ report, headingLevel = 2 }: { report: CandidateReport; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const H2 = headingLevel === 2 ? "h3" : "h4";
  const drawn = report.tests.filter((t) => !t.hidden && t.timeline && t.timeline.lanes.length > 0);
  return (
    <section aria-label="Result" className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <H className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        Verdict: <VerdictBadge verdict={report.verdict} />
      </H>
      <p className="text-sm leading-relaxed">{report.summary}</p>
      {report.compile && !report.compile.ok && report.compile.diagnostics.length > 0 && (
        <ul className="space-y-1 rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {report.compile.diagnostics.map((d, i) => (
            <li key={i}>{`${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`}</li>
          ))}
        </ul>
      )}
      {report.tests.length > 0 && (
        <div className="space-y-2">
          <H2 className="font-semibold">Tests</H2>
          <TestsTable tests={report.tests} />
          <p className="text-xs text-slate-600">Hidden tests show only their name and outcome.</p>
        </div>
      )}
      <div className="space-y-2">
        <H2 className="font-semibold">Metrics</H2>
        <Metrics report={report} />
      </div>
      <ParallelismCharts tests={report.tests} Heading={H2} />
      {drawn.length > 0 && (
        <div className="space-y-4">
          <H2 className="font-semibold">Timelines (virtual time)</H2>
          {drawn.map((t, i) => (
            <TimelineChart key={i} timeline={t.timeline!} title={`${t.name}: ${verdictLabel(t.verdict)}`} />
          ))}
        </div>
      )}
    </section>
  );
}
