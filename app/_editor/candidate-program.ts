// How the grader sees a candidate's module (graders/compile.ts), mirrored for the editor's TypeScript
// worker: the same lib, the same ambient runtime declarations, the same compiler options and file name,
// so the editor underlines what the grader would reject and nothing else. graders/ keeps these private
// (it must not depend on the app), so tests/app/editor-types.test.ts checks the mirror by compiling the
// same sources both ways and comparing the diagnostics.
import type * as TS from "typescript";

/** graders/compile.ts LIB: ES2023 without DOM. Its `/// <reference lib>` closure is served too. */
export const CANDIDATE_LIB = "lib.es2023.d.ts";

/** graders/runtime/candidate-env.d.ts, the runtime's Node.js subset, as a root file of the program. */
export const CANDIDATE_ENV_PATH = "/runtime/candidate-env.d.ts";

/** The grader compiles the candidate's code as /src/solution.ts; one folder per editor keeps editors apart. */
export function solutionPath(editorId: string): string {
  return `/src/${editorId}/solution.ts`;
}

/** graders/compile.ts compilerOptions(ts, allowJs = false), option for option. */
export function candidateCompilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: [CANDIDATE_LIB],
    types: [],
    allowJs: false,
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
