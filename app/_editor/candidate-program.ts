// How the grader sees a candidate's module (graders/compile.ts), for the editor's TypeScript worker: the
// same lib and compiler options (imported from graders/compiler-options.ts), the same ambient runtime
// declarations and file name, so the editor underlines what the grader would reject and nothing else.
// tests/app/editor-types.test.ts compiles the same sources both ways and compares the diagnostics.

export { CANDIDATE_LIB, compilerOptions as candidateCompilerOptions } from "../../graders/compiler-options";

/** graders/runtime/candidate-env.d.ts, the runtime's Node.js subset, as a root file of the program. */
export const CANDIDATE_ENV_PATH = "/runtime/candidate-env.d.ts";

/** The grader compiles the candidate's code as /src/solution.ts; one folder per editor keeps editors apart. */
export function solutionPath(editorId: string): string {
  return `/src/${editorId}/solution.ts`;
}
