// The line diff behind /problems/<slug>/submissions/diff: every line of both texts once, in order, with
// the fewest changes (a longest common subsequence), and line numbers of each side.
import { describe, expect, it } from "@jest/globals";
import { diffLines, diffStats, MAX_CELLS, splitLines } from "../../app/_components/line-diff";

const render = (a: string, b: string) => diffLines(a, b).map((l) => `${l.kind === "same" ? " " : l.kind === "added" ? "+" : "-"}${l.text}`);

describe("diffLines", () => {
  it("marks the changed line in the middle and keeps both numberings", () => {
    const lines = diffLines("a\nb\nc\n", "a\nB\nc\n");
    expect(lines).toEqual([
      { kind: "same", text: "a", a: 1, b: 1 },
      { kind: "removed", text: "b", a: 2 },
      { kind: "added", text: "B", b: 2 },
      { kind: "same", text: "c", a: 3, b: 3 },
    ]);
  });

  it("finds the longest common subsequence, not just a common head and tail", () => {
    expect(render("x\na\ny\nb\nz", "a\nq\nb\nr")).toEqual(["-x", " a", "-y", "+q", " b", "-z", "+r"]);
  });

  it("rebuilds each side from its own lines", () => {
    const a = "function f() {\n  return 1;\n}\n\nexport { f };\n";
    const b = "// new\nfunction f() {\n  const x = 1;\n  return x;\n}\nexport { f };\n";
    const lines = diffLines(a, b);
    expect(lines.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(splitLines(a));
    expect(lines.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(splitLines(b));
    expect(diffStats(lines)).toEqual({ added: 3, removed: 2 });
  });

  it("treats CRLF like LF and an identical text as no change", () => {
    expect(diffStats(diffLines("a\r\nb\r\n", "a\nb"))).toEqual({ added: 0, removed: 0 });
    expect(render("", "a")).toEqual(["+a"]);
    expect(render("a", "")).toEqual(["-a"]);
  });

  it("falls back to remove-all/add-all in the middle when the table would be too big", () => {
    const n = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
    const a = ["head", ...Array.from({ length: n }, (_, i) => `a${i}`), "tail"].join("\n");
    const b = ["head", ...Array.from({ length: n }, (_, i) => `b${i}`), "tail"].join("\n");
    const lines = diffLines(a, b);
    expect(lines[0]).toEqual({ kind: "same", text: "head", a: 1, b: 1 });
    expect(lines[lines.length - 1]).toEqual({ kind: "same", text: "tail", a: n + 2, b: n + 2 });
    expect(diffStats(lines)).toEqual({ added: n, removed: n });
  });
});
