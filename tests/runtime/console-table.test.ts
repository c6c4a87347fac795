/**
 * console.table in the sandbox prints what Node's prints: each snippet runs under real Node and in
 * the sandbox, and stdout must be equal. Covers the column rules (union of keys in first-seen order,
 * integer-like keys first, Values for primitives, a properties filter), cell formatting (depth,
 * three array items, one line), Map/Set, wide characters, groups and non-tabular data.
 */
import { describeNodeParity } from "./node-parity-suite";

const SNIPPETS: Record<string, string> = {
  rowsOfObjects: `
    console.table([{ a: 1, b: "x" }, { a: 2, c: true }, { 10: "ten", 2: "two", z: null }]);
    console.table({ first: { x: 1 }, second: { y: 2 } });
  `,
  primitivesAndMixed: `
    console.table([1, "s", { a: 1 }, undefined, null, Symbol("s"), 10n, () => 1]);
    console.table({ a: "plain", b: "line\\nbreak" });
  `,
  propertiesFilter: `
    console.table([{ a: 1, b: "x" }, { a: 2, c: true }], ["b", "missing"]);
    console.table([{ a: 1 }, 5], ["a"]);
    console.table([{ a: 1 }], ["toString", "__proto__"]);
    console.table({ x: 1 }, []);
    try { console.table([], "a"); } catch (e) { console.log(e.name, e.code, e.message); }
  `,
  cells: `
    console.table([[1, [2, 3, 4, 5], { x: { y: 1 } }, { p: 1, q: 2, r: 3 }, new Map([[1, 2]])]]);
    console.table([{ long: "a".repeat(30), s: new Set([1]) }]);
  `,
  collections: `
    console.table(new Map([["k", { a: 1 }], [{ o: 1 }, 2]]));
    console.table(new Set([1, { a: 2 }, "three"]));
    console.table(new Map());
  `,
  wideCharacters: `
    console.table({ a: "日本語", b: "x\\u0301", c: "😀" });
  `,
  nonTabular: `
    console.table("not tabular");
    console.table(42);
    console.table(null);
    console.table(undefined);
    console.table([]);
    console.table({});
  `,
  insideGroup: `
    console.group("g");
    console.table([{ a: 1 }]);
    console.groupEnd();
    console.table(new Uint8Array([1, 2]));
  `,
};

describeNodeParity("console.table equals node's", SNIPPETS);
