/**
 * The contract between the orchestrator (grade, sandbox CLI) and the candidate runtime.
 * One RunSpec = one fresh runtime: a main candidate thread plus any workers it starts.
 * Runs inside a grader process (never the web server): see graders/pool.
 */
import type { Timeline } from "../report";

export interface RunLimits {
  /** Virtual time budget for the whole run, ms (a never-settling promise ends here). */
  virtualMs: number;
  /** CPU budget summed over all candidate threads, ms (infinite loops end here). */
  cpuMs: number;
  /** Real wall-clock safety net, ms. Exceeding it is time_limit_exceeded; it is generous so load never decides. */
  wallMs: number;
  /** Heap limit per isolate, MB. */
  memoryMb: number;
  /** Console output cap, bytes. */
  outputBytes: number;
  /** Worker threads alive at once (main not counted). */
  maxWorkers: number;
  /** Worker threads created over the run. */
  maxWorkersTotal: number;
  /** Messages posted between threads over the run. */
  maxMessages: number;
}

export interface RunSpec {
  /** Module specifier -> compiled ES module JavaScript, e.g. "/solution.js", "/driver.js". */
  modules: Record<string, string>;
  /** The main module. */
  entry: string;
  /**
   * "program": evaluate entry as the main module, like `node entry` (the sandbox CLI).
   * "test": evaluate entry (a trusted driver), then call its `run(input, solution, harness)`;
   *         the resolved value is copied out as RunResult.value.
   */
  mode: "program" | "test";
  /** For mode "test": the specifier of the candidate's module passed to run() as `solution`. */
  solution?: string;
  /** Modules allowed to import "grader:harness" (drivers). Candidate modules never are. */
  trusted: string[];
  /** Test input, structured-clonable. */
  input?: unknown;
  /** Seeds the schedule perturbation and harness.random(). 0 = no perturbation. */
  seed: number;
  /** Cores the runtime reports (os.cpus().length, availableParallelism()). */
  cores: number;
  limits: RunLimits;
  /** Globals the problem forbids, e.g. ["Promise.all"]; a call is recorded and throws. */
  forbid?: string[];
  /** Called when the wall-clock safety net is extended because the run is still using CPU (wall-net.ts). Not sent over the wire. */
  onProgress?: () => void;
  /** Record a timeline (spans per macrotask). Default true. */
  timeline?: boolean;
  /**
   * Let the main thread run in a context of an isolate an earlier clean run gave back (host-bridge.ts
   * recycle()), and give its own back. Off by default: kept isolates carry earlier runs' garbage, GC
   * state and flushed code, and in a full-suite run with them a correct promise-all saw its rejection
   * 5 ms of virtual time late and a correct word-frequency's speedup read 0.99. @defaultValue false
   */
  warmIsolates?: boolean;
  /**
   * The run's threads take turns on the CPU, one macrotask at a time (thread-turn.ts), so that each
   * thread's CPU time, and so its virtual clock, is measured without its own run's other threads competing
   * for the cores and caches. For tests that measure speedup; shared-memory races need real overlap, so
   * other tests leave it off. @defaultValue false
   */
  threadsInTurn?: boolean;
}

export type RunStatus =
  | "ok"
  | "runtime_error"
  | "time_limit_exceeded"
  | "memory_limit_exceeded"
  | "output_limit_exceeded"
  | "resource_limit"
  | "deadlock"
  | "internal_error";

export interface ThreadMetrics {
  threadId: number;
  cpuMs: number;
  longestTaskMs: number;
  tasks: number;
  /** Runs the thread's isolate has served, this one included (1: a new isolate; more: a kept one, new context). */
  isolateRuns: number;
  /** The grader process's host thread that ran it (node:worker_threads threadId). */
  hostThread: number;
}

export interface RunMetrics {
  /** Virtual time when the run settled (test mode) or ended (program mode), ms. */
  virtualMs: number;
  wallMs: number;
  cpuMs: number;
  /** Longest macrotask on the main thread, CPU ms, and when it started (virtual ms). */
  longestTaskMs: number;
  longestTaskAt: number;
  peakThreads: number;
  workersCreated: number;
  messages: number;
  threads: ThreadMetrics[];
}

export interface RunResult {
  status: RunStatus;
  /** Plain-language reason when status is not "ok". */
  message?: string;
  /** Test mode: the driver's resolved value, copied out of the isolate by native structured clone. */
  value?: unknown;
  /** Uncaught exception / unhandled rejection / crashed worker. */
  error?: { name: string; message: string; stack?: string; threadId: number };
  /** Console output exactly as Node prints it; stdout and stderr kept apart and interleaved. */
  output: { stream: "stdout" | "stderr"; text: string }[];
  /** Program mode: the exit code node would give. */
  exitCode?: number;
  metrics: RunMetrics;
  /** harness.record(label, data) calls, in virtual time order. */
  marks: { at: number; threadId: number; label: string; data?: unknown }[];
  /** harness.log(text) calls: the grader-side log read outside the candidate's code. */
  logs: { at: number; threadId: number; text: string }[];
  timeline?: Timeline;
  /** Deadlock: who waits on what. */
  waits?: { threadId: number; on: string }[];
  /** Forbidden globals the candidate used. */
  forbiddenUsed?: string[];
}
