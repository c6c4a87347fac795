// The editor's TypeScript worker must reject exactly what the grader rejects. This builds the worker's
// language service in Node from what /api/editor-types serves (app/_editor/editor-types.ts) with the
// editor's mirror of the grader's options, and compares its errors with graders/compile.ts on the same
// sources: valid code, type errors against the runtime subset, things outside the subset, syntax errors.
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from "@typescript/vfs";
import ts from "typescript";
import { candidateDiagnostics } from "../../app/_editor/candidate-diagnostics";
import { CANDIDATE_ENV_PATH, candidateCompilerOptions, solutionPath } from "../../app/_editor/candidate-program";
import { completionsAt } from "../../app/_editor/typescript-completions";
import { compileSolution } from "../../graders/compile";

jest.mock("server-only", () => ({}));

const SOURCES: Record<string, string> = {
  valid: `import { Worker, isMainThread } from "node:worker_threads";
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export const ok = isMainThread && typeof Worker === "function" && [3, 1, 2].toSorted().at(-1) === 3;
`,
  workerArgument: `import { Worker } from "node:worker_threads";\nnew Worker(42);\n`,
  missingMethod: `const shared = new Int32Array(new SharedArrayBuffer(4));\nAtomics.waitForever(shared, 0, 0);\nexport {};\n`,
  outsideSubset: `process.exit(1);\nconst data = require("fs");\nfetch("https://example.com");\ndocument.title = "x";\n`,
  unknownModule: `import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n`,
  newerThanEs2023: `export const grouped = Object.groupBy([1, 2, 3], (n) => (n % 2 ? "odd" : "even"));\n`,
  strictness: `export function f(x) { return x.y; }\nlet n: number = "one";\n`,
  syntax: `export function broken( {\n  return 1\n`,
};

let files: Map<string, string>;
let env: VirtualTypeScriptEnvironment;

beforeAll(async () => {
  // Imported after jest.mock("server-only") has taken effect (static imports would load it first).
  const { editorTypes } = await import("../../app/_editor/editor-types");
  files = new Map(Object.entries(editorTypes().files));
  env = createVirtualTypeScriptEnvironment(createSystem(files), [CANDIDATE_ENV_PATH], ts, candidateCompilerOptions(ts));
});

function editorErrors(name: string, source: string) {
  const path = solutionPath(name);
  env.createFile(path, source);
  const sf = env.getSourceFile(path)!;
  return candidateDiagnostics(ts, env.languageService, path).map((d) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.from);
    return { line: line + 1, column: character + 1, code: d.code, message: d.message };
  });
}

function graderErrors(source: string) {
  const result = compileSolution(source);
  return result.ok ? [] : result.diagnostics.map(({ line, column, code, message }) => ({ line, column, code, message }));
}

describe("the editor's type checking", () => {
  it("serves the lib closure of lib.es2023 and the runtime declarations, and no DOM", () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(["/lib.es2023.d.ts", "/lib.es2022.d.ts", "/lib.es5.d.ts", "/lib.decorators.d.ts", CANDIDATE_ENV_PATH]));
    expect([...files.keys()].filter((f) => /dom|webworker|es2024|esnext/.test(f))).toEqual([]);
  });

  it.each(Object.keys(SOURCES))("reports the grader's errors for %s", (name) => {
    const expected = graderErrors(SOURCES[name]);
    expect(editorErrors(name, SOURCES[name])).toEqual(expected);
    if (name !== "valid") expect(expected.length).toBeGreaterThan(0);
  });

  it("completes runtime names: Atomics members and node:worker_threads exports", () => {
    const path = solutionPath("completions");
    const source = `import { W } from "node:worker_threads";\nAtomics.wa`;
    env.createFile(path, source);
    const members = completionsAt(ts, env, path, source.length, false)!;
    expect(members.options.map((o) => o.label)).toContain("wait");
    expect(source.slice(members.from)).toBe("wa");
    const imports = completionsAt(ts, env, path, source.indexOf("W }") + 1, false)!;
    expect(imports.options.map((o) => o.label)).toEqual(expect.arrayContaining(["Worker", "parentPort"]));
  });
});
