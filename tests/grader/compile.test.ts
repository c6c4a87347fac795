import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileSolution, compileTrusted } from "../../graders/compile";

const fixture = (name: string) => readFileSync(join(__dirname, "../fixtures/grader/compile", name), "utf8");

describe("compileSolution", () => {
  it("accepts a timer given a promise's resolve, as @types/node does", () => {
    const src = "export async function tick(): Promise<void> {\n  await new Promise((resolve) => setTimeout(resolve, 0));\n  await new Promise((resolve) => setImmediate(resolve));\n}\n";
    const r = compileSolution(src);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("checks each source on its own when one compilation follows another (the file graph is reused)", () => {
    const withWorkers = 'import { Worker } from "node:worker_threads";\nexport const make = (s: string): Worker => new Worker(s, { eval: true });\n';
    const typeError = "export const n: string = 1;\n";
    const missingModule = 'import { x } from "node:nope";\nexport const y = x;\n';
    const plain = "export const twice = (n: number): number => n * 2;\n";
    const codes = (src: string) => {
      const r = compileSolution(src);
      return r.ok ? [] : r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
    };
    const alone = [withWorkers, typeError, missingModule, plain].map(codes);
    const interleaved = [plain, withWorkers, typeError, withWorkers, missingModule, plain, missingModule, typeError].map(codes);
    expect(alone[0]).toEqual([]);
    expect(alone[1]).toEqual(["1:14 2322"]);
    expect(alone[2]).toEqual(["1:19 2307"]);
    expect(alone[3]).toEqual([]);
    expect(interleaved).toEqual([alone[3], alone[0], alone[1], alone[0], alone[2], alone[3], alone[2], alone[1]]);
    const exportsOf = (src: string) => {
      const r = compileSolution(src);
      return r.ok ? r.exports : null;
    };
    expect([exportsOf(plain), exportsOf(withWorkers), exportsOf(plain)]).toEqual([["twice"], ["make"], ["twice"]]);
  });

  it("compiles a correct solution to ES module JavaScript and lists its exports", () => {
    const r = compileSolution(fixture("ok.ts"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.js).toContain("export function sleep(ms)");
    expect(r.js).not.toContain(": number");
    expect(r.exports).toEqual(["sleep"]);
  });

  it("reports a syntax error with its 1-based line:col", () => {
    const r = compileSolution(fixture("syntax-error.ts"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ file: "solution.ts", line: 2, column: 58, code: 1005, message: "')' expected." });
  });

  it("treats a type error as a compile error at the exact position", () => {
    const r = compileSolution(fixture("type-error.ts"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      { file: "solution.ts", line: 2, column: 9, code: 2322, message: "Type 'number' is not assignable to type 'string'." },
    ]);
  });

  it("names the diagnostics after the file name it is given", () => {
    const r = compileSolution(fixture("type-error.ts"), "answer.ts");
    expect(!r.ok && r.diagnostics[0].file).toBe("answer.ts");
  });

  it("compiles enums, namespaces and parameter properties (real compilation, not type stripping)", () => {
    const r = compileSolution(fixture("ts-only-syntax.ts"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const mod = { exports: {} as Record<string, unknown> };
    // Evaluate the emitted ES module as a function body to prove the runtime semantics survived.
    const body = r.js.replace(/^export (enum|var|const|class|function) /gm, "$1 ").replace(/^export /gm, "");
    const answer = new Function(`${body}\nreturn { answer, Color, Geometry };`)() as { answer: number; Color: Record<string, unknown>; Geometry: { unit: number } };
    expect(answer.answer).toBe(7);
    expect(answer.Color.Green).toBe(5);
    expect(answer.Color[5]).toBe("Green");
    expect(answer.Geometry.unit).toBe(2);
    expect(mod.exports).toEqual({});
    expect(r.exports.sort()).toEqual(["Color", "Geometry", "Point", "answer"]);
  });

  it("accepts Node.js code written against the supported subset", () => {
    const r = compileSolution(fixture("node-subset.ts"));
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
  });

  it("rejects host APIs outside the subset (process) as a compile error", () => {
    const r = compileSolution(fixture("outside-subset.ts"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toEqual({
      file: "solution.ts", line: 1, column: 20, code: 2591,
      message: "Cannot find name 'process': it is not part of the sandbox's Node.js subset.",
    });
  });

  it("does not let candidate code import the driver harness", () => {
    const r = compileSolution(fixture("harness-import.ts"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 20, code: 2307 });
  });

  it("runs .mjs/.js as written: syntax is checked, types are not", () => {
    const ok = compileSolution(fixture("program.mjs"), "program.mjs");
    expect(ok).toMatchObject({ ok: true, js: fixture("program.mjs") });
    const broken = compileSolution(fixture("broken.js"), "broken.js");
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.diagnostics[0]).toMatchObject({ file: "broken.js", line: 1, column: 16, code: 1005 });
  });

  it("gives the same answer on repeated calls (the lib cache does not leak state between submissions)", () => {
    const first = compileSolution(fixture("type-error.ts"));
    compileSolution(fixture("ok.ts"));
    const again = compileSolution(fixture("type-error.ts"));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.diagnostics).toEqual(!first.ok && first.diagnostics);
  });
});

describe("compileTrusted", () => {
  const driver = [
    'import * as h from "grader:harness";',
    'import type * as Solution from "./solution";',
    "export async function run(input: number, solution: typeof Solution): Promise<number> {",
    '  h.record("start", { at: h.now() });',
    "  await h.sleep(1);",
    "  return solution.double(input);",
    "}",
  ].join("\n");

  it("gives drivers the grader:harness module and the solution's types", () => {
    const r = compileTrusted(driver, "driver.ts", { source: "export function double(x: number): number { return 2 * x; }" });
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
    expect(r.ok && r.js).toContain('import * as h from "grader:harness"');
    expect(r.ok && r.js).not.toContain("./solution");
    expect(r.ok && r.exports).toEqual(["run"]);
  });

  it("type-checks the driver against the solution it is given", () => {
    const r = compileTrusted(driver, "driver.ts", { source: "export function double(x: string): string { return x + x; }" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics[0]).toMatchObject({ file: "driver.ts", line: 6 });
  });
});
