// The errors the grader would report for the editor's file, as document offsets for CodeMirror. Only
// errors: the grader turns those (and nothing else) into compile_error. Messages are worded as the
// grader words them (graders/compile.ts candidateMessage), so the editor and the report agree.
import type * as TS from "typescript";

export interface EditorDiagnostic {
  from: number;
  to: number;
  code: number;
  message: string;
}

/** TypeScript suggests installing @types/node for `process`, `require`, `Buffer`: wrong advice in the sandbox. */
const NODE_TYPES_HINTS = new Set([2580, 2591]);

function candidateMessage(ts: typeof TS, d: TS.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const name = /Cannot find name '([^']+)'/.exec(message)?.[1];
  if (NODE_TYPES_HINTS.has(d.code) && name) return `Cannot find name '${name}': it is not part of the sandbox's Node.js subset.`;
  return message;
}

export function candidateDiagnostics(ts: typeof TS, service: TS.LanguageService, path: string): EditorDiagnostic[] {
  if (!service.getProgram()?.getSourceFile(path)) return [];
  const all = [...service.getSyntacticDiagnostics(path), ...service.getSemanticDiagnostics(path)];
  return all
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ({ from: d.start ?? 0, to: (d.start ?? 0) + (d.length ?? 0), code: d.code, message: candidateMessage(ts, d) }));
}
