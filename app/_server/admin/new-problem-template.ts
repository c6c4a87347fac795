// What /admin/problems/new starts from: a complete, gradable package for a one-function async problem
// (the generic driver spreads each test's `args` into the first export and returns the result, compared
// to the test's `expected`), so an author changes names and tests instead of starting from nothing.
import type { PackageDraft } from "./package-input";

const DRIVER = `// Runs in the sandbox, trusted: calls the candidate's export with each test's input and returns what is
// compared to the test's "expected" (or handed to checker.ts when there is one).
export async function run(input: { args: unknown[] }, solution: Record<string, (...args: any[]) => unknown>): Promise<unknown> {
  return await solution.solve(...input.args);
}
`;

export const NEW_PROBLEM_TEMPLATE: Required<PackageDraft> = {
  config: {
    slug: "",
    title: "",
    track: "async",
    difficulty: "easy",
    version: 1,
    exports: ["solve"],
    limits: { virtualMs: 10000, cpuMs: 2000 },
    checks: {},
    forbid: [],
  },
  statement: "# Title\n\nWhat the function does, its exact signature, an example.\n\n```ts\nexport async function solve(a: number, b: number): Promise<number>\n```\n\n## What the grader checks\n\n- the result of each call\n",
  starter: 'export async function solve(a: number, b: number): Promise<number> {\n  throw new Error("not implemented");\n}\n',
  driver: DRIVER,
  checker: "",
  tests: JSON.stringify(
    [
      { name: "small numbers", sample: true, input: { args: [2, 3] }, expected: 5 },
      { name: "negative numbers", sample: false, input: { args: [-7, 4] }, expected: -3 },
    ],
    null,
    2,
  ),
  solutions: [{ name: "reference.ts", source: "export async function solve(a: number, b: number): Promise<number> {\n  return a + b;\n}\n" }],
  wrong: [{ name: "subtracts.ts", verdict: "wrong_answer", source: "export async function solve(a: number, b: number): Promise<number> {\n  return a - b;\n}\n" }],
};
