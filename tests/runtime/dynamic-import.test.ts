/** The eval-worker source rewrite behind `import()` (graders/runtime/isolate/dynamic-import.ts). */
import { describe, expect, it } from "@jest/globals";
import { rewriteDynamicImports } from "../../graders/runtime/isolate/dynamic-import";

describe("rewriteDynamicImports", () => {
  it("turns import( calls in code into __import(", () => {
    expect(rewriteDynamicImports(`import("node:os").then((m) => m); await import ('x');`)).toBe(
      `__import("node:os").then((m) => m); await __import ('x');`,
    );
  });

  it("leaves import( alone inside strings, comments, template text and regular expressions", () => {
    const src = [
      `const a = "import(1)", b = 'import(2)';`,
      `// import(3)`,
      `/* import(4) */`,
      "const t = `import(5) ${import('six')} ${`nested ${ {k: 1}.k } import(7)`} import(8)`;",
      `const r = /import(9)/g.test(s), d = x / 2 / import("ten");`,
      `obj.import(11);`,
    ].join("\n");
    const out = rewriteDynamicImports(src).split("\n");
    expect(out[0]).toBe(`const a = "import(1)", b = 'import(2)';`);
    expect(out[1]).toBe(`// import(3)`);
    expect(out[2]).toBe(`/* import(4) */`);
    expect(out[3]).toBe("const t = `import(5) ${__import('six')} ${`nested ${ {k: 1}.k } import(7)`} import(8)`;");
    expect(out[4]).toBe(`const r = /import(9)/g.test(s), d = x / 2 / __import("ten");`);
    expect(out[5]).toBe(`obj.import(11);`);
  });

  it("returns a source without import( unchanged", () => {
    const src = "const { parentPort } = require('node:worker_threads'); parentPort.postMessage(`x`);";
    expect(rewriteDynamicImports(src)).toBe(src);
  });
});
