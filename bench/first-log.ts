/**
 * What a fresh isolate's first console.log costs the candidate, in virtual time (CPU), beside the same
 * call made again right after it. New isolates skip the formatting warm-up (runtime/isolate/prelude.ts
 * rt.warmup): the prelude's code cache holds the formatting code's bytecode, and the candidate pays
 * for the rest (inline caches, regular expressions) once per isolate. In a graded run the first call
 * also sets util.inspect up (runtime/isolate/inspect-lib.ts); `npm run sandbox` does that before the
 * program starts. This prints both prices.
 */
import { runProgram } from "../graders/sandbox/run-program";
import { resolveLimits } from "../graders/limits";
import type { RunSpec } from "../graders/sandbox/run-spec";
import { summarize } from "./stats";

/** Returns the first and the second console.log's virtual time, in ms. */
const TIMED_LOGS = `
export function timedLogs() {
  const a = performance.now();
  console.log({ a: [1, 2, { b: 3 }] }, "x", 5);
  const b = performance.now();
  console.log({ a: [1, 2, { b: 3 }] }, "y", 6);
  const c = performance.now();
  return [b - a, c - b];
}
`;

const SPECS: Record<"program" | "graded", RunSpec> = {
  program: {
    modules: { "/main.js": `${TIMED_LOGS}\nconsole.error(JSON.stringify(timedLogs()));` }, entry: "/main.js", mode: "program",
    trusted: [], seed: 0, cores: 1, limits: resolveLimits(),
  },
  graded: {
    modules: { "/driver.js": `import "./solution.js"; export function run(input, s) { return s.timedLogs(); }`, "/solution.js": TIMED_LOGS },
    entry: "/driver.js", solution: "/solution.js", mode: "test", trusted: ["/driver.js"], input: null, seed: 0, cores: 1, limits: resolveLimits(),
  },
};

type Figures = { p50: number; p95: number };
export type FirstLogFigures = Record<keyof typeof SPECS, { first: Figures; again: Figures }>;

async function timedRun(spec: RunSpec): Promise<[number, number]> {
  const r = await runProgram(spec);
  const printed = r.output.find((o) => o.stream === "stderr")?.text;
  if (r.status !== "ok" || (spec.mode === "program" && !printed)) throw new Error(`first-log program: ${r.status} ${r.message ?? ""}`);
  return (spec.mode === "program" ? JSON.parse(printed!) : r.value) as [number, number];
}

/** `n` runs of each kind, each in a fresh isolate, each timing its first and its second console.log. */
export async function firstLogCost(n: number): Promise<FirstLogFigures> {
  const out = {} as FirstLogFigures;
  for (const [kind, spec] of Object.entries(SPECS) as [keyof typeof SPECS, RunSpec][]) {
    const first: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < n; i++) {
      const [x, y] = await timedRun(spec);
      first.push(x);
      again.push(y);
    }
    out[kind] = { first: summarize(first), again: summarize(again) };
  }
  return out;
}
