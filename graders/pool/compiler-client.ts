/**
 * A grader process's side of its type-checker child (compiler-process.ts): started on first use, kept
 * for the process's life, restarted on the next compilation if it died. A compilation in flight when it
 * dies fails with an internal error, which the supervisor retries once like any grader failure.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { CompileResult, Compiler } from "../compile";
import { GraderError, isGraderErrorCode } from "../errors";
import { entryScript } from "./entry-script";
import type { CompilerMessage, CompilerRequest } from "./protocol";

type Pending = { resolve: (r: CompileResult) => void; reject: (e: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

const STDERR_TAIL = 2000;

export class CompilerProcess implements Compiler {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderrTail = "";

  /** Starts the child and resolves once it has warmed TypeScript up. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const { script, execArgv } = entryScript("compiler-process");
    const child = fork(script, [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
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

  private async request(body: WithoutId<CompilerRequest>): Promise<CompileResult> {
    await this.start();
    const id = this.nextId++;
    return new Promise<CompileResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A child that died since start() fails the send; its "exit" then rejects what was pending.
      this.child?.send({ ...body, id } as CompilerRequest, (error) => {
        if (error && this.pending.delete(id)) reject(new GraderError("INTERNAL", `the type checker's process did not take the job: ${error.message}`));
      });
    });
  }

  private settle(m: Exclude<CompilerMessage, { type: "ready" }>): void {
    const waiter = this.pending.get(m.id);
    if (!waiter) return;
    this.pending.delete(m.id);
    if (m.type === "result") waiter.resolve(m.result);
    else waiter.reject(new GraderError(isGraderErrorCode(m.error.code) ? m.error.code : "INTERNAL", m.error.message));
  }

  /** Fails what was in flight; the next request starts a new child. */
  private ended(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): GraderError {
    const tail = this.stderrTail.trim().split("\n").slice(-3).join(" | ");
    const error = new GraderError("INTERNAL", `the type checker's process ended (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ""}`);
    if (this.child === child) {
      this.child = undefined;
      this.ready = undefined;
    }
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
    return error;
  }
}
