// Completions from the language service as plain data for CodeMirror. Unlike @valtown/codemirror-ts's
// getAutocompletion, globals and keywords are kept (that helper drops them, so `con` would not offer
// `console`), and string completions (module names such as "node:worker_threads") replace the whole
// string the way TypeScript asks.
import type { VirtualTypeScriptEnvironment } from "@typescript/vfs";
import type * as TS from "typescript";

export interface EditorCompletions {
  from: number;
  options: { label: string; type?: string; boost: number }[];
}

/** TypeScript's element kinds -> CodeMirror's completion icon types. */
const ICON_TYPES: Record<string, string> = {
  function: "function",
  "local function": "function",
  method: "method",
  property: "property",
  getter: "property",
  setter: "property",
  var: "variable",
  let: "variable",
  "local var": "variable",
  parameter: "variable",
  alias: "variable",
  const: "constant",
  class: "class",
  "local class": "class",
  interface: "interface",
  type: "type",
  "type parameter": "type",
  enum: "enum",
  "enum member": "constant",
  module: "namespace",
  "external module name": "namespace",
  keyword: "keyword",
};

/** TypeScript ranks by sortText ("11" before "15"); CodeMirror by boost (higher first). */
function boostOf(sortText: string): number {
  const rank = parseInt(sortText, 10);
  return Number.isFinite(rank) ? Math.max(-99, -rank) : 0;
}

/** Where the completed word starts: TypeScript's replacement span when it gives one, else the identifier before pos. */
function replaceFrom(info: TS.CompletionInfo, text: string, pos: number): number {
  const span = info.entries.find((e) => e.replacementSpan)?.replacementSpan ?? info.optionalReplacementSpan;
  if (span && span.start <= pos && pos <= span.start + span.length) return span.start;
  return pos - /[\w$]*$/.exec(text.slice(Math.max(0, pos - 200), pos))![0].length;
}

export function completionsAt(ts: typeof TS, env: VirtualTypeScriptEnvironment, path: string, pos: number, explicit: boolean): EditorCompletions | null {
  const text = env.getSourceFile(path)?.text;
  if (text === undefined) return null;
  // Typing activates completion on every character; after a space or an operator there is nothing to complete.
  if (!explicit && !/[\w$."'/:]$/.test(text.slice(0, pos))) return null;
  const info = env.languageService.getCompletionsAtPosition(path, pos, {}, {});
  if (!info) return null;
  const options = info.entries
    .filter((e) => e.kind !== ts.ScriptElementKind.warning)
    .map((e) => ({ label: e.name, type: ICON_TYPES[e.kind], boost: boostOf(e.sortText) }));
  return { from: replaceFrom(info, text, pos), options };
}
