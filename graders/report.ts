/**
 * The grading report: the one definition shared by graders, the CLI, the app and the database.
 * Versioned so stored reports stay readable when the shape grows.
 */
export const REPORT_VERSION = 1;

export const VERDICTS = [
  "accepted",
  "wrong_answer",
  "compile_error",
  "runtime_error",
  "time_limit_exceeded",
  "memory_limit_exceeded",
  "output_limit_exceeded",
  "blocked_event_loop",
  "insufficient_concurrency",
  "insufficient_speedup",
  "deadlock",
  "race_condition",
  "resource_limit",
  "internal_error",
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One compiler message, 1-based line and column in the candidate's file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

/** A behaviour check inside one test (correctness, blocking, concurrency, speedup ...). */
export interface CheckOutcome {
  /** e.g. "result", "order", "blocking", "concurrency", "speedup", "race" */
  check: string;
  passed: boolean;
  /** Verdict this check gives when it fails. */
  verdict: Verdict;
  message: string;
  /** Figures behind the decision, e.g. { speedup: 1.83, required: 1.6 }. */
  figures?: Record<string, number | string>;
}

export interface TestResult {
  name: string;
  passed: boolean;
  /** Verdict of the first failed check (or of what stopped the run); "accepted" when passed. */
  verdict: Verdict;
  /** Plain-language explanation; for hidden tests it never reveals input or expected output. */
  message: string;
  hidden: boolean;
  sample: boolean;
  checks: CheckOutcome[];
  /** Seed of the schedule that failed (threads track); replay with --seed. */
  seed?: number;
  /** Seeds tried for this test. */
  seedsTried?: number;
  metrics: TestMetrics;
  /** Console output of the candidate during the test (capped). Empty for hidden tests. */
  output?: string;
  timeline?: Timeline;
}

export interface TestMetrics {
  /** Virtual time from start to the settled result, ms. */
  virtualMs?: number;
  /** Real wall time, ms (informative only, never used for a verdict). */
  wallMs?: number;
  /** CPU time summed over every candidate thread, ms. */
  cpuMs?: number;
  /** Longest single macrotask (CPU time) on the main thread, ms. */
  longestTaskMs?: number;
  /** Peak number of candidate threads alive at once (main included). */
  peakThreads?: number;
  /** Messages posted between threads. */
  messages?: number;
  [key: string]: number | string | undefined;
}

/** Spans the web app draws: one lane per thread (and per logical task). Times are virtual ms. */
export interface Timeline {
  lanes: TimelineLane[];
  /** Instant marks (e.g. "task 3 started"). */
  marks: TimelineMark[];
  /** Horizontal guide lines, e.g. a concurrency limit. */
  limits?: { name: string; value: number }[];
  /** Concurrency over time: [virtualMs, inFlight] steps. */
  concurrency?: [number, number][];
}
export interface TimelineLane {
  id: string;
  label: string;
  spans: TimelineSpan[];
}
export interface TimelineSpan {
  start: number;
  end: number;
  /** "task" = a macrotask, "blocked" = a macrotask longer than allowed, "wait" = Atomics.wait, "work" = logical task */
  kind: "task" | "blocked" | "wait" | "work" | "idle";
  label?: string;
}
export interface TimelineMark {
  at: number;
  lane: string;
  label: string;
}

export interface Report {
  version: typeof REPORT_VERSION;
  problem: { slug: string; version: number };
  verdict: Verdict;
  /** 0..100: the share of tests passed, 100 only when accepted. */
  score: number;
  /** One-paragraph explanation of the verdict for a person. */
  summary: string;
  compile?: { ok: boolean; diagnostics: Diagnostic[]; ms: number };
  tests: TestResult[];
  metrics: {
    totalMs: number;
    compileMs?: number;
    testsRun: number;
    testsPassed: number;
    [key: string]: number | string | undefined;
  };
  /** Seed base used for schedules; pass it back to replay. */
  seed: number;
  /** How speedup and time were measured, for the report page. */
  method?: string;
  /** Set when the grader itself failed (internal_error). */
  internal?: { message: string; attempts: number };
}
