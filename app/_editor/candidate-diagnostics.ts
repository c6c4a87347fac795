// The errors the grader would report for the editor's file, as document offsets for CodeMirror. Only
// errors: the grader turns those (and nothing else) into compile_error. Messages are worded as the
// grader words them (graders/compiler-options.ts candidateMessage), so the editor and the report agree.
import type * as TS from "typescript";
import { candidateMessage } from "../../graders/compiler-options";

export interface EditorDiagnostic {
  from: number;
  to: number;
  code: number;
  message: string;
}

export function candidateDiagnostics(ts: typeof TS, service: TS.LanguageService, path: string): EditorDiagnostic[] {
  if (!service.getProgram()?.getSourceFile(path)) return [];
  const all = [...service.getSyntacticDiagnostics(path), ...service.getSemanticDiagnostics(path)];
  return all
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ({ from: d.start ?? 0, to: (d.start ?? 0) + (d.length ?? 0), code: d.code, message: candidateMessage(ts, d) }));
}
