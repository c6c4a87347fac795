/**
 * A scripted stand-in for graders/sandbox/run-program, injected through GradeOptions.runProgram so the
 * orchestration (precedence, schedules, retries, hidden messages) is tested without isolates.
 */
import type { RunResult, RunSpec } from "../../../graders/sandbox/run-spec";

export function runResult(over: Omit<Partial<RunResult>, "metrics"> & { metrics?: Partial<RunResult["metrics"]> } = {}): RunResult {
  const { metrics, ...rest } = over;
  return {
    status: "ok",
    output: [],
    marks: [],
    logs: [],
    ...rest,
    metrics: {
      virtualMs: 10,
      wallMs: 3,
      cpuMs: 1,
      longestTaskMs: 1,
      longestTaskAt: 0,
      peakThreads: 1,
      workersCreated: 0,
      messages: 0,
      threads: [],
      ...metrics,
    },
  };
}

export interface FakeRun {
  (spec: RunSpec): Promise<RunResult>;
  specs: RunSpec[];
}

export function fakeRun(script: (spec: RunSpec, call: number) => RunResult | Promise<RunResult>): FakeRun {
  const specs: RunSpec[] = [];
  const fn = (async (spec: RunSpec) => {
    specs.push(spec);
    return script(spec, specs.length);
  }) as FakeRun;
  fn.specs = specs;
  return fn;
}
