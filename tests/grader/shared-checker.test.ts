/**
 * The shared checker (graders/shared-checker.ts) must give every submission exactly what a program of
 * its own gives: the same diagnostics (line, column, code, message), the same exports, the same
 * JavaScript. Compared on every candidate-side source in the repository and on cases written to
 * probe where one checker for many submissions could differ.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compileOwnProgram, compileSolution, type CompileResult } from "../../graders/compile";

const ROOT = join(__dirname, "../..");

/**
 * Candidate-side TypeScript: solutions, wrong solutions, starters, fixtures (not drivers, checkers or
 * tests). Not the type bomb: it keeps either checker busy for over a minute (a grader stops it at 5 s).
 */
function candidateSources(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.d\.ts$|\.test\.ts$|^driver\.ts$|^checker\.ts$|^type-bomb\.ts$/.test(e.name)) found.push(p);
    }
  };
  walk(join(ROOT, "problems"));
  walk(join(ROOT, "tests/fixtures"));
  return found;
}

function outcome(r: CompileResult) {
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} TS${d.code} ${d.message}`) };
  return { ok: true, js: r.js, exports: [...r.exports].sort() };
}

const PROBES: Record<string, string> = {
  typeError: "export const n: string = 1;\n",
  declaresFoo: "export interface Foo { x: number }\nexport const shared = 1;\n",
  usesOthersNames: "export const y: Foo = { x: shared };\n",
  relativeImport: 'import { x } from "./other";\nexport const y = x;\n',
  bareWorkerThreads: 'import { Worker } from "worker_threads";\nexport const w = (s: string) => new Worker(s, { eval: true });\n',
  outsideSubset: 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
  typeOnlyImport: 'import { Worker, MessagePort } from "node:worker_threads";\nexport function f(p: MessagePort): Worker | null { void p; return null; }\n',
  reexportType: 'import { MessagePort } from "node:worker_threads";\nexport { MessagePort };\n',
  constEnum: "const enum Color { Red, Green }\nexport const c = Color.Green;\n",
  enumAndClass: "export enum E { A = 1 }\nexport class Box<T> { #v: T; constructor(v: T) { this.#v = v; } get(): T { return this.#v; } }\n",
  defaultExport: "export default function (a: number): number { return a; }\n",
  exportAssign: "const x = 1;\nexport = x;\n",
  topLevelAwait: "await Promise.resolve(1);\nexport const done = true;\n",
  noModuleSyntax: "const local = 1;\nconsole.log(local);\n",
  syntaxError: "export function f( {\n",
  tsIgnore: "// @ts-ignore\nexport const n: string = 1;\n",
  unusedExpectError: "// @ts-expect-error\nexport const n = 1;\n",
  declareGlobal: "declare global { interface Array<T> { second(): T } }\nexport const s = [1, 2].second();\n",
  declareModule: 'declare module "node:worker_threads" { export const extra: number; }\nimport { extra } from "node:worker_threads";\nexport const e = extra;\n',
  namespace: "namespace N { export const v = 1; }\nexport const v = N.v;\n",
  referenceLib: '/// <reference lib="dom" />\nexport const d = typeof document;\n',
  globalThisWrite: "(globalThis as any).x = 1;\nexport const g = globalThis;\n",
  promiseHeavy:
    "export async function all<T>(ps: Array<() => Promise<T>>): Promise<T[]> {\n  return Promise.all(ps.map((p) => p()));\n}\nexport const t = new Promise<number>((r) => setTimeout(() => r(1), 1));\n",
  atomics: "const sab = new SharedArrayBuffer(8);\nconst a = new Int32Array(sab);\nAtomics.add(a, 0, 1);\nexport const v: string = Atomics.load(a, 0);\n",
};

describe("the shared type checker", () => {
  it("gives every solution, wrong solution, starter and fixture what a program of its own gives", () => {
    const files = candidateSources();
    expect(files.length).toBeGreaterThan(150);
    const differ: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      if (JSON.stringify(outcome(compileSolution(source))) !== JSON.stringify(outcome(compileOwnProgram(source)))) differ.push(relative(ROOT, file));
    }
    expect(differ).toEqual([]);
  });

  it("gives each probe what a program of its own gives, whatever was checked before it", () => {
    const names = Object.keys(PROBES);
    const own = new Map(names.map((n) => [n, outcome(compileOwnProgram(PROBES[n]))]));
    // Twice over, forwards then backwards: each probe follows a different one the second time.
    for (const name of [...names, ...[...names].reverse()]) {
      expect({ name, ...outcome(compileSolution(PROBES[name])) }).toEqual({ name, ...own.get(name) });
    }
  });

  it("keeps one submission's declarations from the next", () => {
    const first = compileSolution(PROBES.declaresFoo);
    const second = compileSolution(PROBES.usesOthersNames);
    expect(first.ok).toBe(true);
    expect(second.ok ? [] : second.diagnostics.map((d) => d.message)).toEqual(["Cannot find name 'Foo'.", "Cannot find name 'shared'."]);
    // An augmentation of the globals stays with its own submission too.
    expect(compileSolution(PROBES.declareGlobal).ok).toBe(true);
    const after = compileSolution("export const s = [1, 2].second();\n");
    expect(after.ok ? [] : after.diagnostics.map((d) => d.code)).toEqual([2339]);
  });

  it("still agrees after it has been replaced (a new checker every few hundred submissions)", () => {
    for (let i = 0; i < 450; i++) {
      const source = i % 3 === 0 ? `${PROBES.typeError}// ${i}\n` : `${PROBES.promiseHeavy}// ${i}\n`;
      const result = outcome(compileSolution(source));
      if (i % 25 === 0) expect(result).toEqual(outcome(compileOwnProgram(source)));
    }
  });
});
