/**
 * Messages between the supervisor and a grader process (Node IPC, "advanced" serialization, so values
 * travel by structured clone like test inputs do in the sandbox).
 */
import type { ProblemPackage } from "../problem-package";
import type { Report } from "../report";
import type { GradeOptions } from "../grade";
import type { SerializedError } from "../errors";
import type { CompileResult } from "../compile";

/** GradeOptions that can cross a process boundary (no injected runtime). */
export type WireGradeOptions = Omit<GradeOptions, "runProgram" | "compiler">;

export type SupervisorMessage = { type: "job"; id: number; pkg: ProblemPackage; source: string; options: WireGradeOptions };

export type GraderProcessMessage =
  | { type: "ready" }
  /** Sent before every sandbox run: the watchdog allows this run's wall budget from now. */
  | { type: "progress"; id: number; wallMs: number }
  | { type: "report"; id: number; report: Report }
  | { type: "error"; id: number; error: SerializedError };

/** A grader process asking its type-checker child (compiler-process.ts) for one compilation. */
export type CompilerRequest =
  | { id: number; kind: "solution"; source: string; fileName: string }
  | { id: number; kind: "trusted"; source: string; fileName: string; solution?: { source: string; fileName?: string } };

export type CompilerMessage = { type: "ready" } | { type: "result"; id: number; result: CompileResult } | { type: "error"; id: number; error: SerializedError };
