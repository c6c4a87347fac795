/**
 * The grader pool: N long-lived grader processes (child_process.fork, --no-node-snapshot), one job at a
 * time each. Candidate code never runs in the caller's process, so V8 aborting on an out-of-memory path
 * costs one grader process, not the web server.
 *
 * A process that dies mid-job is replaced and the job retried once on the fresh process; dying again
 * gives memory_limit_exceeded when the death looks like V8 running out of heap, else internal_error.
 * A watchdog kills a process that stops making progress (each sandbox run announces its wall budget).
 * A job whose report says internal_error is retried once as well (catalogue: internal_error is always
 * retried once). A process whose resident memory has grown past recycleRssMb is replaced between jobs.
 */
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { ProblemPackage } from "../problem-package";
import type { Report } from "../report";
import { internalErrorReport } from "./internal-report";
import { residentMb } from "./process-memory";
import { entryScript } from "./entry-script";
import { GRADER_ERROR_CODES, GraderError, type GraderErrorCode } from "../errors";
import type { GraderProcessMessage, SupervisorMessage, WireGradeOptions } from "./protocol";

export interface GraderPoolOptions {
  /** Grader processes. @defaultValue os.availableParallelism() */
  size?: number;
  /** Watchdog: a job must show progress (compile, or the start of a run) within this many ms of the last. @defaultValue 60_000 */
  stepTimeoutMs?: number;
  /** Extra wall time allowed on top of each run's own wallMs limit. @defaultValue 30_000 */
  runMarginMs?: number;
  /** Script of the grader process. @defaultValue dist/grader-process.js when fresh, else the TypeScript source through tsx */
  script?: string;
  /** Node flags of the grader processes (GRADER_NODE_FLAGS are always added). */
  execArgv?: string[];
  /**
   * A process whose resident memory exceeds this many MB after a job is replaced by a fresh one before
   * its next job: the last guard. Grading matrix-multiply again and again grew a process to 880 MB in
   * ten gradings (1.9 GB once in a full test run): glibc kept its runs' freed buffers in the host
   * threads' arenas. A process now trims its C heap after a job that grew it (heap-trim.ts), and
   * stays at 300 to 500 MB.
   * @defaultValue 1024
   */
  recycleRssMb?: number;
}

export interface PoolJob {
  pkg: ProblemPackage;
  source: string;
  options: WireGradeOptions;
}

interface Job extends PoolJob {
  id: number;
  attempts: number;
  resolve: (report: Report) => void;
  reject: (error: Error) => void;
}

interface Slot {
  /** The core this process's turn-taking runs are pinned to (GRADER_TURN_CPU); distinct per live slot. */
  turnCpu: number;
  child: ChildProcess;
  ready: boolean;
  job?: Job;
  /** Job waiting for this fresh process (a retry must not land on an old one). */
  reserved?: Job;
  watchdog?: NodeJS.Timeout;
  stderrTail: string;
  killedByWatchdog: boolean;
}

const STDERR_TAIL = 8 * 1024;
const OOM_PATTERN = /out of memory|heap limit|allocation failed|OOM/i;

/**
 * Flags every grader process runs with. isolated-vm needs --no-node-snapshot. --single-threaded keeps
 * V8's JIT compilation and garbage collection on the thread whose code they serve, instead of background
 * threads: a candidate thread's CPU time (its virtual clock) then includes all the work its code causes,
 * and no longer depends on when a free core let a background compile finish. With background compiles,
 * matrix-multiply's reference measured a 2-worker speedup of 1.2-1.87 over 8 gradings two at a time;
 * with --single-threaded, 1.76-1.94.
 */
export const GRADER_NODE_FLAGS = ["--no-node-snapshot", "--single-threaded"];

/** The grader process's entry (entry-script.ts). */
export function defaultGraderScript(): { script: string; execArgv: string[] } {
  return entryScript("grader-process");
}

function looksLikeOutOfMemory(signal: NodeJS.Signals | null, stderr: string): boolean {
  return OOM_PATTERN.test(stderr) || (signal === "SIGABRT" && /heap|memory/i.test(stderr));
}

export class GraderPool {
  readonly size: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Processes in a row that died before becoming ready: a broken script must not respawn forever. */
  private startupFailures = 0;
  private readonly stepTimeoutMs: number;
  private readonly runMarginMs: number;
  private readonly recycleRssMb: number;
  private launch?: { script: string; execArgv: string[] };

  constructor(private readonly options: GraderPoolOptions = {}) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`GraderPoolOptions.size must be a positive integer, got ${options.size}`);
    this.size = size;
    this.stepTimeoutMs = options.stepTimeoutMs ?? 60_000;
    this.runMarginMs = options.runMarginMs ?? 30_000;
    this.recycleRssMb = options.recycleRssMb ?? 1024;
  }

  /** Grades one submission in a grader process. Resolves with a Report for every outcome, internal_error included. */
  grade(pkg: ProblemPackage, source: string, options: WireGradeOptions = {}): Promise<Report> {
    if (this.closed) return Promise.reject(new GraderError("POOL_CLOSED", "the grader pool is closed"));
    this.ensureStarted();
    return new Promise<Report>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pkg, source, options: stripFunctions(options), attempts: 0, resolve, reject });
      this.dispatch();
    });
  }

  /** Pids of the live grader processes (for monitoring and tests). */
  pids(): number[] {
    return [...this.slots].map((s) => s.child.pid).filter((p): p is number => p !== undefined);
  }

  /** Pid of the process currently grading a job, if any. */
  busyPids(): number[] {
    return [...this.slots].filter((s) => s.job).map((s) => s.child.pid).filter((p): p is number => p !== undefined);
  }

  /** Stops every grader process; queued and running jobs are rejected with POOL_CLOSED. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new GraderError("POOL_CLOSED", "the grader pool was closed");
    for (const job of this.queue.splice(0)) job.reject(error);
    const exits = [...this.slots].map((slot) => {
      clearTimeout(slot.watchdog);
      for (const job of [slot.job, slot.reserved]) job?.reject(error);
      slot.job = slot.reserved = undefined;
      return new Promise<void>((resolve) => {
        if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
        slot.child.once("exit", () => resolve());
        slot.child.kill("SIGKILL");
      });
    });
    await Promise.all(exits);
    this.slots.clear();
  }

  private ensureStarted(): void {
    while (this.slots.size < this.size) this.spawn();
  }

  private spawn(reserved?: Job): Slot {
    this.launch ??= this.options.script ? { script: this.options.script, execArgv: [] } : defaultGraderScript();
    const execArgv = [...GRADER_NODE_FLAGS, ...this.launch.execArgv, ...(this.options.execArgv ?? [])];
    const turnCpu = this.freeTurnCpu();
    const env = { ...process.env, GRADER_TURN_CPU: String(turnCpu) };
    const child = fork(this.launch.script, [], { execArgv, env, serialization: "advanced", stdio: ["ignore", "pipe", "pipe", "ipc"] });
    const slot: Slot = { turnCpu, child, ready: false, reserved, stderrTail: "", killedByWatchdog: false };
    this.slots.add(slot);
    child.stdout?.on("data", () => {});
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("message", (m: GraderProcessMessage) => this.onMessage(slot, m));
    child.on("exit", (code, signal) => this.onExit(slot, code, signal));
    child.on("error", () => {
      // "exit" follows for a process that started; a spawn failure surfaces as exit with a code too.
    });
    return slot;
  }

  /**
   * The lowest core index no live process has. Two processes pinned to one core would time-share it
   * while another core idles, and each switch between two memory-heavy runs costs both of them cache:
   * CPU time that depends on what the other grading does.
   */
  private freeTurnCpu(): number {
    const taken = new Set([...this.slots].map((s) => s.turnCpu));
    let cpu = 0;
    while (taken.has(cpu)) cpu++;
    return cpu;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = slot.reserved ?? this.queue.shift();
      slot.reserved = undefined;
      if (!job) continue;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    job.attempts++;
    slot.job = job;
    this.arm(slot, this.stepTimeoutMs);
    const message: SupervisorMessage = { type: "job", id: job.id, pkg: job.pkg, source: job.source, options: job.options };
    slot.child.send(message);
  }

  private arm(slot: Slot, ms: number): void {
    clearTimeout(slot.watchdog);
    slot.watchdog = setTimeout(() => {
      slot.killedByWatchdog = true;
      slot.child.kill("SIGKILL");
    }, ms);
    slot.watchdog.unref?.();
  }

  private onMessage(slot: Slot, m: GraderProcessMessage): void {
    if (m.type === "ready") {
      slot.ready = true;
      this.startupFailures = 0;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || m.id !== job.id) return;
    if (m.type === "progress") {
      this.arm(slot, m.wallMs + this.runMarginMs);
      return;
    }
    clearTimeout(slot.watchdog);
    slot.job = undefined;
    const report = m.type === "report" ? m.report : internalErrorReport(job.pkg, `${m.error.code}: ${m.error.message}`, job.attempts);
    if (report.verdict === "internal_error" && job.attempts < 2) this.queue.unshift(job);
    else this.finish(job, report);
    this.recycleIfOvergrown(slot);
    this.dispatch();
  }

  /** An idle process past recycleRssMb gives way to a fresh one; nothing it held is lost. */
  private recycleIfOvergrown(slot: Slot): void {
    const pid = slot.child.pid;
    const rss = pid === undefined ? undefined : residentMb(pid);
    if (this.closed || rss === undefined || rss <= this.recycleRssMb) return;
    this.slots.delete(slot);
    slot.child.kill("SIGKILL");
    this.spawn();
  }

  private finish(job: Job, report: Report): void {
    if (report.internal) report.internal.attempts = job.attempts;
    job.resolve(report);
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    clearTimeout(slot.watchdog);
    // Not in the set: recycled (recycleIfOvergrown), already replaced, so its exit needs nothing more.
    if (!this.slots.delete(slot)) return;
    if (this.closed) return;
    if (!slot.ready && ++this.startupFailures >= 3) return this.failEverything(slot, code, signal);
    const job = slot.job ?? slot.reserved;
    const lostJob = slot.job;
    slot.job = slot.reserved = undefined;
    if (job && lostJob && job.attempts < 2) {
      this.spawn(job); // retried once, on a fresh process
    } else {
      if (job && lostJob) this.finish(job, this.deathReport(job, slot, code, signal));
      else if (job) this.queue.unshift(job); // reserved for a process that died before starting it
      this.spawn();
    }
    this.dispatch();
  }

  /** Grader processes cannot start: answer every waiting job with internal_error instead of looping. */
  private failEverything(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    const why = `grader processes fail to start (${signal ?? `exit code ${code}`}): ${slot.stderrTail.trim().split("\n").slice(-3).join(" | ")}`;
    const waiting = [...this.queue.splice(0), ...[...this.slots].flatMap((s) => (s.reserved ? [s.reserved] : []))];
    if (slot.reserved) waiting.push(slot.reserved);
    for (const s of this.slots) s.reserved = undefined;
    for (const job of waiting) this.finish(job, internalErrorReport(job.pkg, why, Math.max(1, job.attempts)));
    this.startupFailures = 0;
  }

  private deathReport(job: Job, slot: Slot, code: number | null, signal: NodeJS.Signals | null): Report {
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    let errorCode: GraderErrorCode = "PROCESS_DIED";
    if (slot.killedByWatchdog) errorCode = "JOB_TIMEOUT";
    else if (looksLikeOutOfMemory(signal, slot.stderrTail)) errorCode = "PROCESS_OUT_OF_MEMORY";
    if (GRADER_ERROR_CODES[errorCode].verdict === "memory_limit_exceeded") return outOfMemoryReport(job, how);
    const why = errorCode === "JOB_TIMEOUT" ? "stopped making progress and was stopped by the watchdog" : `died (${how})`;
    const lastLine = slot.stderrTail.trim().split("\n").pop();
    return internalErrorReport(job.pkg, `the grader process ${why}, twice`, job.attempts, 0, lastLine ? `last stderr line: ${lastLine.slice(0, 300)}` : undefined);
  }
}

function outOfMemoryReport(job: Job, how: string): Report {
  const { internal: _none, ...base } = internalErrorReport(job.pkg, "", job.attempts);
  return {
    ...base,
    verdict: "memory_limit_exceeded",
    summary: `The program used so much memory that it took down the grading process (${how}), on two attempts. The verdict is memory limit exceeded.`,
  };
}

/** Injected functions cannot cross IPC; the grader process always uses the real runtime. */
function stripFunctions(options: WireGradeOptions): WireGradeOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== "function")) as WireGradeOptions;
}
