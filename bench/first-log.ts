/**
 * What a fresh isolate's first console.log costs the candidate, in virtual time (CPU), beside the same
 * call made again right after it. New isolates skip the formatting warm-up (runtime/isolate/prelude.ts
 * rt.warmup): the prelude's code cache holds the formatting code's bytecode, and the candidate pays
 * for the rest (inline caches, regular expressions) once per isolate. This prints that price.
 */
import { runProgram } from "../graders/sandbox/run-program";
import { resolveLimits } from "../graders/limits";
import { summarize } from "./stats";

const PROGRAM = `
const a = performance.now();
console.log({ a: [1, 2, { b: 3 }] }, "x", 5);
const b = performance.now();
console.log({ a: [1, 2, { b: 3 }] }, "y", 6);
const c = performance.now();
console.error(JSON.stringify([b - a, c - b]));
`;

export interface FirstLogFigures {
  first: { p50: number; p95: number };
  again: { p50: number; p95: number };
}

/** `n` programs, each in a fresh isolate, each timing its first and its second console.log. */
export async function firstLogCost(n: number): Promise<FirstLogFigures> {
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await runProgram({ modules: { "/main.js": PROGRAM }, entry: "/main.js", mode: "program", trusted: [], seed: 0, cores: 1, limits: resolveLimits() });
    const line = r.output.find((o) => o.stream === "stderr")?.text;
    if (r.status !== "ok" || !line) throw new Error(`first-log program: ${r.status} ${r.message ?? ""}`);
    const [x, y] = JSON.parse(line) as [number, number];
    first.push(x);
    again.push(y);
  }
  return { first: summarize(first), again: summarize(again) };
}
