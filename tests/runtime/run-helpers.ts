import { runProgram } from "../../graders/sandbox/run-program";
import { resolveLimits } from "../../graders/limits";
import type { RunLimits, RunResult, RunSpec } from "../../graders/sandbox/run-spec";

export function program(code: string, limits: Partial<RunLimits> = {}, extra: Partial<RunSpec> = {}): Promise<RunResult> {
  return runProgram({ modules: { "/main.js": code }, entry: "/main.js", mode: "program", trusted: [], seed: 0, cores: 2, limits: resolveLimits({ wallMs: 60_000, ...limits }), ...extra });
}

export function stdout(r: RunResult): string {
  return r.output.filter((o) => o.stream === "stdout").map((o) => o.text).join("");
}
export function stderr(r: RunResult): string {
  return r.output.filter((o) => o.stream === "stderr").map((o) => o.text).join("");
}
