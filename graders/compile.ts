/**
 * TypeScript -> ES module JavaScript for the sandbox, with a real type check (catalogue: "compiled, not
 * type-stripped; type errors are compile_error").
 *
 * Why a hand-made CompilerHost: a fresh createProgram re-parses lib.es20xx.d.ts every time (~70 ms);
 * parsed lib/ambient SourceFiles never change, so they are cached for the life of the process and a
 * typical submission checks in ~20 ms (stack notes). `typescript` itself is required lazily (190 ms) so
 * processes that never compile do not pay for it; grader processes are long-lived and pay it once.
 *
 * Candidate code sees only graders/runtime/candidate-env.d.ts (the runtime subset) on top of the ES lib.
 * Trusted drivers also see graders/harness.d.ts ("grader:harness") and may import the solution as "./solution".
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type * as TS from "typescript";
import type { Diagnostic } from "./report";
import { candidateMessage, compilerOptions } from "./compiler-options";
import { exportedNames, SharedChecker, type SharedCheck } from "./shared-checker";

export type CompileResult =
  | { ok: true; js: string; ms: number; /** Names the module exports (values and types). */ exports: string[] }
  | { ok: false; diagnostics: Diagnostic[]; ms: number };

const MAX_DIAGNOSTICS = 50;
const SRC_ROOT = "/src/";

let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  // Lazy and not bundled (build-graders marks typescript external).
  tsModule ??= require("typescript") as typeof TS;
  return tsModule;
}

/** Finds a declaration file whether we run from graders/ (tsx, jest) or from dist/ (bundled grader process). */
function locate(relativeToGraders: string): string {
  const candidates = [
    join(__dirname, relativeToGraders),
    join(__dirname, "..", "graders", relativeToGraders),
    join(process.cwd(), "graders", relativeToGraders),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`compile: cannot find graders/${relativeToGraders} (looked in ${candidates.join(", ")})`);
  return found;
}

let envFiles: { candidate: string; harness: string } | undefined;
function environmentFiles() {
  envFiles ??= { candidate: locate("runtime/candidate-env.d.ts"), harness: locate("harness.d.ts") };
  return envFiles;
}

/**
 * The last program per set of root files, handed to the next createProgram as `oldProgram`: when the
 * new source imports and references what the old one did, TypeScript reuses the old file graph and
 * skips resolving the ~30 lib files again (about 4 of a typical check's 11 ms). Only the structure is
 * reused; the new program's type checker and diagnostics are its own.
 */
const lastPrograms = new Map<string, TS.Program>();

/** Parsed lib and ambient files, shared by every compilation in this process. */
const sharedFiles = new Map<string, TS.SourceFile>();

function sharedSourceFile(ts: typeof TS, path: string): TS.SourceFile | undefined {
  let sf = sharedFiles.get(path);
  if (!sf) {
    if (!existsSync(path)) return undefined;
    sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
    sharedFiles.set(path, sf);
  }
  return sf;
}

function createHost(ts: typeof TS, options: TS.CompilerOptions, files: Map<string, string>, output: Map<string, string>): TS.CompilerHost {
  const libDir = dirname(ts.getDefaultLibFilePath(options));
  return {
    getSourceFile: (fileName, languageVersion) => {
      const text = files.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      return sharedSourceFile(ts, fileName);
    },
    getDefaultLibFileName: (o) => join(libDir, ts.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => libDir,
    writeFile: (fileName, text) => output.set(fileName, text),
    getCurrentDirectory: () => SRC_ROOT,
    getDirectories: () => [],
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => files.has(f) || (!f.startsWith(SRC_ROOT) && existsSync(f)),
    readFile: (f) => files.get(f) ?? (!f.startsWith(SRC_ROOT) && existsSync(f) ? readFileSync(f, "utf8") : undefined),
    directoryExists: (d) => d === SRC_ROOT.slice(0, -1) || d.startsWith(SRC_ROOT.slice(0, -1)) || existsSync(d),
  };
}

function toDiagnostic(ts: typeof TS, d: TS.Diagnostic, displayNames: Map<string, string>): Diagnostic {
  const message = candidateMessage(ts, d);
  if (!d.file || d.start === undefined) return { file: d.file ? displayNames.get(d.file.fileName) ?? d.file.fileName : "", line: 1, column: 1, code: d.code, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: displayNames.get(d.file.fileName) ?? d.file.fileName, line: line + 1, column: character + 1, code: d.code, message };
}

interface ProgramInput {
  main: { fileName: string; source: string };
  extra?: { fileName: string; source: string }[];
  ambient: string[];
}

/** One type-checked compilation of `main` (plus extra virtual files) against the given ambient files. */
function compileProgram(input: ProgramInput, started: number): CompileResult {
  const ts = typescript();
  const isJs = /\.(m?js)$/.test(input.main.fileName);
  const options = compilerOptions(ts, isJs);
  const files = new Map<string, string>();
  const displayNames = new Map<string, string>();
  for (const f of [input.main, ...(input.extra ?? [])]) {
    files.set(SRC_ROOT + f.fileName, f.source);
    displayNames.set(SRC_ROOT + f.fileName, f.fileName);
  }
  const mainPath = SRC_ROOT + input.main.fileName;
  const output = new Map<string, string>();
  const host = createHost(ts, options, files, output);
  const rootNames = [mainPath, ...input.ambient];
  const reuseKey = rootNames.join("\n") + (isJs ? "\njs" : "");
  const program = ts.createProgram({ rootNames, options, host, oldProgram: lastPrograms.get(reuseKey) });
  lastPrograms.set(reuseKey, program);
  const sf = program.getSourceFile(mainPath)!;
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) return failure(ts, diagnostics, displayNames, started);
  const emitted = program.emit(sf);
  if (emitted.emitSkipped) return failure(ts, emitted.diagnostics, displayNames, started);
  const js = [...output.entries()].find(([name]) => /\.m?js$/.test(name))?.[1] ?? "";
  return { ok: true, js: stripSourceMapComment(js), exports: exportedNames(program.getTypeChecker(), sf), ms: performance.now() - started };
}

function stripSourceMapComment(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
}

function failure(ts: typeof TS, diagnostics: readonly TS.Diagnostic[], displayNames: Map<string, string>, started: number): CompileResult {
  const list = diagnostics.slice(0, MAX_DIAGNOSTICS).map((d) => toDiagnostic(ts, d, displayNames));
  return { ok: false, diagnostics: list.length ? list : [{ file: "", line: 1, column: 1, code: 0, message: "compilation produced no output" }], ms: performance.now() - started };
}

/** Plain JavaScript runs as written (an ES module); only its syntax is checked. */
function checkJavaScript(source: string, fileName: string, started: number): CompileResult {
  const ts = typescript();
  const result = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { ...compilerOptions(ts, true), sourceMap: false, lib: undefined, types: undefined },
  });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) return failure(ts, errors, new Map([[fileName, fileName]]), started);
  return { ok: true, js: source, exports: jsExportNames(ts, source, fileName), ms: performance.now() - started };
}

function jsExportNames(ts: typeof TS, source: string, fileName: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const names: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) names.push(st.name.text);
    if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    }
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) names.push(e.name.text);
    }
  }
  return names;
}

let shared: SharedChecker | undefined;
function sharedChecker(): SharedChecker {
  if (shared) return shared;
  const ts = typescript();
  const options = compilerOptions(ts, false);
  const base = () => ts.createProgram({ rootNames: [environmentFiles().candidate], options, host: createHost(ts, options, new Map(), new Map()) });
  shared = new SharedChecker(ts, options, base);
  return shared;
}

function fromSharedCheck(check: SharedCheck, fileName: string, started: number): CompileResult {
  if (!check.ok) return failure(typescript(), check.errors, new Map([[check.sourceFile.fileName, fileName]]), started);
  return { ok: true, js: check.js, exports: check.exports, ms: performance.now() - started };
}

/**
 * The candidate's module: strict TypeScript against the runtime subset, or syntax-checked JavaScript
 * for `.js`/`.mjs`. Diagnostics carry 1-based line:col in `fileName`. TypeScript is checked by the
 * shared checker (shared-checker.ts) where it can be, else in a program of its own.
 */
export function compileSolution(source: string, fileName = "solution.ts"): CompileResult {
  const started = performance.now();
  if (/\.m?js$/.test(fileName)) return checkJavaScript(source, fileName, started);
  const check = sharedChecker().check(source, fileName);
  if (check) return fromSharedCheck(check, fileName, started);
  return compileOwnProgram(source, fileName, started);
}

/** The candidate's module in a program of its own, without the shared checker (and for comparing with it). */
export function compileOwnProgram(source: string, fileName = "solution.ts", started = performance.now()): CompileResult {
  return compileProgram({ main: { fileName, source }, ambient: [environmentFiles().candidate] }, started);
}

/**
 * A trusted driver: like compileSolution plus the "grader:harness" module. When `solution` is given
 * it is visible as "./solution" (for drivers that import it, or its types); the emitted driver does
 * not depend on it, so a package's driver is compiled once against its reference solution.
 */
export function compileTrusted(source: string, fileName = "driver.ts", solution?: { source: string; fileName?: string }): CompileResult {
  const started = performance.now();
  const env = environmentFiles();
  const extra = solution ? [{ fileName: solution.fileName ?? "solution.ts", source: solution.source }] : [];
  return compileProgram({ main: { fileName, source }, extra, ambient: [env.candidate, env.harness] }, started);
}

/** Loads `typescript` and parses the lib files now, so the first real submission is not the slow one. */
export function warmUpCompiler(): void {
  compileSolution("export const warm: number = 1;\n");
}

/**
 * Who compiles: this process (the default), or the grader process's type-checker child
 * (pool/compiler-process.ts), which runs V8 without --single-threaded.
 */
export interface Compiler {
  solution(source: string, fileName: string): Promise<CompileResult>;
  trusted(source: string, fileName: string, solution?: { source: string; fileName?: string }): Promise<CompileResult>;
}

export const IN_PROCESS_COMPILER: Compiler = {
  solution: async (source, fileName) => compileSolution(source, fileName),
  trusted: async (source, fileName, solution) => compileTrusted(source, fileName, solution),
};
