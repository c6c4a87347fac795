/**
 * Runs one standalone program file the way `npm run sandbox -- <file>` does (scripts/sandbox.ts):
 * compileSolution on the file, the file as the only module keyed "/<basename>", program mode,
 * seed 0, 2 cores, the default limits, no timeline; the exit code is RunResult.exitCode, or 0/1
 * from the status when the runtime gives none. In-process, so a corpus of programs runs fast.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { runProgram } from "../../graders/sandbox/run-program";
import { compileSolution } from "../../graders/compile";
import { resolveLimits } from "../../graders/limits";
import type { RunLimits, RunResult } from "../../graders/sandbox/run-spec";

export interface ProgramOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  status: RunResult["status"] | "compile_error";
  message?: string;
  result?: RunResult;
}

export function joinStream(result: RunResult, stream: "stdout" | "stderr"): string {
  return result.output.filter((o) => o.stream === stream).map((o) => o.text).join("");
}

export async function runFileInSandbox(path: string, limits: Partial<RunLimits> = {}): Promise<ProgramOutcome> {
  return runSourceInSandbox(readFileSync(path, "utf8"), basename(path), limits);
}

export async function runSourceInSandbox(source: string, fileName: string, limits: Partial<RunLimits> = {}): Promise<ProgramOutcome> {
  const compiled = compileSolution(source, fileName);
  if (!compiled.ok) {
    const text = compiled.diagnostics.map((d) => `${fileName}:${d.line}:${d.column} - error TS${d.code}: ${d.message}`).join("\n");
    return { stdout: "", stderr: text + "\n", exitCode: 1, status: "compile_error", message: text };
  }
  const entry = "/" + fileName;
  const result = await runProgram({
    modules: { [entry]: compiled.js },
    entry,
    mode: "program",
    trusted: [],
    seed: 0,
    cores: 2,
    limits: resolveLimits(limits),
    timeline: false,
  });
  return {
    stdout: joinStream(result, "stdout"),
    stderr: joinStream(result, "stderr"),
    exitCode: result.exitCode ?? (result.status === "ok" ? 0 : 1),
    status: result.status,
    message: result.message,
    result,
  };
}
