/**
 * How candidate TypeScript is compiled: one definition for the grader (compile.ts) and the web editor's
 * TypeScript worker (app/_editor), so the editor underlines exactly what the grader rejects. No imports
 * beyond typescript's types: the editor bundles this module for the browser.
 */
import type * as TS from "typescript";

/** Lib files the candidate gets: ES2023 (Node 20's V8 has the ES2023 array methods) without DOM. */
export const CANDIDATE_LIB = "lib.es2023.d.ts";

/** The options of every candidate (and, with allowJs, driver) compilation. */
export function compilerOptions(ts: typeof TS, allowJs = false): TS.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: [CANDIDATE_LIB],
    types: [],
    allowJs,
    checkJs: false,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    skipLibCheck: true,
    noEmitOnError: true,
    sourceMap: true,
    newLine: ts.NewLineKind.LineFeed,
    useDefineForClassFields: true,
    experimentalDecorators: false,
    allowImportingTsExtensions: false,
    noEmit: false,
  };
}

/** TypeScript suggests installing @types/node for `process`, `require`, `Buffer`: wrong advice in the sandbox. */
const NODE_TYPES_HINTS = new Set([2580, 2591]);

/** A diagnostic's text as the candidate reads it (the report and the editor word it the same). */
export function candidateMessage(ts: typeof TS, d: TS.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const name = /Cannot find name '([^']+)'/.exec(message)?.[1];
  if (NODE_TYPES_HINTS.has(d.code) && name) return `Cannot find name '${name}': it is not part of the sandbox's Node.js subset.`;
  return message;
}
