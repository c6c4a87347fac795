/**
 * A grader process's side of its type-checker child (compiler-process.ts): started on first use, kept
 * for the process's life, restarted on the next compilation if it died.
 *
 * A candidate's types can keep the checker busy for minutes (recursive conditional types over large
 * unions): the check is stopped after `cpuLimitMs` of the child's CPU time (garbage collection near the
 * heap limit counts too), and the candidate gets compile_error saying so, within seconds and whatever
 * the machine's load. Any other death fails the compilation in flight with an internal error, which the
 * supervisor retries once like any grader failure.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { CompileResult, Compiler } from "../compile";
import { GraderError, isGraderErrorCode } from "../errors";
import { entryScript } from "./entry-script";
import type { CompilerMessage, CompilerRequest } from "./protocol";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Body = WithoutId<CompilerRequest>;
interface Pending {
  body: Body;
  /** The child's CPU time (ms) when the request was sent. */
  cpuAtStart: number;
  started: number;
  resolve: (r: CompileResult) => void;
  reject: (e: Error) => void;
}

export interface CompilerProcessOptions {
  /** CPU time (ms) one check may use before it is stopped. @defaultValue 5_000 */
  cpuLimitMs?: number;
  /** The child's V8 heap limit, so that a check cannot take the machine's memory. @defaultValue 1024 */
  memoryMb?: number;
}

const STDERR_TAIL = 2000;
const POLL_MS = 100;
const CLOCK_TICKS_PER_S = 100;

/** User + system CPU time (ms) of a whole process, all threads, from /proc; null where there is none. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return null;
  }
}

function stoppedCheck(body: Body, started: number, cpuLimitMs: number): CompileResult {
  const message = `Type checking used more than ${cpuLimitMs / 1000} s of CPU time, so the code was not run. Simplify the types (deeply recursive or very large union types are the usual cause).`;
  return { ok: false, diagnostics: [{ file: body.fileName, line: 1, column: 1, code: 0, message }], ms: performance.now() - started };
}

export class CompilerProcess implements Compiler {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderrTail = "";
  private poll?: NodeJS.Timeout;
  /** The request the CPU limit stopped, when the child was killed for it. */
  private overran?: number;
  private readonly cpuLimitMs: number;
  private readonly memoryMb: number;

  constructor(options: CompilerProcessOptions = {}) {
    this.cpuLimitMs = options.cpuLimitMs ?? 5_000;
    this.memoryMb = options.memoryMb ?? 1024;
  }

  /** Starts the child and resolves once it has warmed TypeScript up. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const { script, execArgv } = entryScript("compiler-process");
    const flags = [...execArgv, `--max-old-space-size=${this.memoryMb}`];
    const child = fork(script, [], { execArgv: flags, serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child = child;
    this.stderrTail = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      child.on("message", (m: CompilerMessage) => (m.type === "ready" ? resolve() : this.settle(m)));
      child.on("exit", (code, signal) => reject(this.ended(child, code, signal)));
      child.on("error", () => {
        // "exit" follows, with the reason.
      });
    });
    this.ready.catch(() => {});
    return this.ready;
  }

  solution(source: string, fileName: string): Promise<CompileResult> {
    return this.request({ kind: "solution", source, fileName });
  }

  trusted(source: string, fileName: string, solution?: { source: string; fileName?: string }): Promise<CompileResult> {
    return this.request({ kind: "trusted", source, fileName, solution });
  }

  /** The child's pid while one runs (tests, monitoring). */
  pid(): number | undefined {
    return this.child?.pid;
  }

  close(): void {
    this.child?.kill("SIGKILL");
  }

  private async request(body: Body): Promise<CompileResult> {
    await this.start();
    const child = this.child;
    const pid = child?.pid;
    // Its "exit" may have come between start() resolving and now.
    if (!child || pid === undefined) throw new GraderError("INTERNAL", "the type checker's process ended before the job was sent");
    const id = this.nextId++;
    return new Promise<CompileResult>((resolve, reject) => {
      this.pending.set(id, { body, cpuAtStart: processCpuMs(pid) ?? 0, started: performance.now(), resolve, reject });
      this.watch();
      // A child that died since start() fails the send; its "exit" then rejects what was pending.
      child.send({ ...body, id } as CompilerRequest, (error) => {
        if (error && this.pending.delete(id)) reject(new GraderError("INTERNAL", `the type checker's process did not take the job: ${error.message}`));
      });
    });
  }

  /** Polls the child's CPU time while checks are in flight; without /proc, wall time stands in. */
  private watch(): void {
    this.poll ??= setInterval(() => {
      const pid = this.child?.pid;
      if (pid === undefined || this.pending.size === 0) return this.unwatch();
      const cpu = processCpuMs(pid);
      for (const [id, p] of this.pending) {
        const used = cpu === null ? performance.now() - p.started : cpu - p.cpuAtStart;
        if (used > this.cpuLimitMs) {
          this.overran = id;
          this.child?.kill("SIGKILL");
          return this.unwatch();
        }
      }
    }, POLL_MS);
    this.poll.unref();
  }

  private unwatch(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private settle(m: Exclude<CompilerMessage, { type: "ready" }>): void {
    const waiter = this.pending.get(m.id);
    if (!waiter) return;
    this.pending.delete(m.id);
    if (m.type === "result") waiter.resolve(m.result);
    else waiter.reject(new GraderError(isGraderErrorCode(m.error.code) ? m.error.code : "INTERNAL", m.error.message));
  }

  /** Settles what was in flight; the next request starts a new child. */
  private ended(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): GraderError {
    const tail = this.stderrTail.trim().split("\n").slice(-3).join(" | ");
    const error = new GraderError("INTERNAL", `the type checker's process ended (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ""}`);
    if (this.child === child) {
      this.child = undefined;
      this.ready = undefined;
    }
    this.unwatch();
    for (const [id, p] of this.pending) {
      if (id === this.overran) p.resolve(stoppedCheck(p.body, p.started, this.cpuLimitMs));
      else p.reject(error);
    }
    this.pending.clear();
    this.overran = undefined;
    return error;
  }
}
