import { describe, expect, it } from "@jest/globals";
import { dirname, join } from "node:path";
import * as ts from "typescript";

// skipLibCheck hides errors inside .d.ts files (an undeclared type silently becomes any), so the
// candidate's ambient file is checked here once on its own, with skipLibCheck off.
describe("graders/runtime/candidate-env.d.ts", () => {
  it("type-checks with skipLibCheck false against lib.es2023 only", () => {
    const file = join(__dirname, "../../graders/runtime/candidate-env.d.ts");
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts"],
      types: [],
    };
    const program = ts.createProgram({ rootNames: [file], options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${d.file ? d.file.fileName.replace(dirname(file), "") : ""}:${where ? where.line + 1 : 0} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
    expect(diagnostics).toEqual([]);
  });

  it("also checks cleanly together with the driver harness declaration", () => {
    const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: false, lib: ["lib.es2023.d.ts"], types: [] };
    const files = [join(__dirname, "../../graders/runtime/candidate-env.d.ts"), join(__dirname, "../../graders/harness.d.ts")];
    const program = ts.createProgram({ rootNames: files, options });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toEqual([]);
  });
});
