import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";
import { speedupOfRuns } from "../../graders/checks/kit/speedup";

type Input = { n: number; workers: number; measure?: boolean; seed?: number; a?: number[]; b?: number[] };
type Run = { workers: number; ms: number; words?: number[]; problem?: string; sameAsFirst?: boolean };
type Value = { runs: Run[]; workersAsked: number };

/** Same generator as driver.ts. */
function generate(n: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const m = new Float64Array(n * n);
  for (let i = 0; i < m.length; i++) m[i] = ((next() / 2 ** 32) * 2 - 1) * 2 ** ((next() % 7) - 3);
  return m;
}

/** The definition: sum starts at +0, k ascending. */
function tripleLoop(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
  return c;
}

function expectedWords(input: Input): Uint32Array {
  const seed = input.seed ?? 1;
  const a = input.a ? Float64Array.from(input.a) : generate(input.n, seed);
  const b = input.b ? Float64Array.from(input.b) : generate(input.n, seed + 1);
  return new Uint32Array(tripleLoop(a, b, input.n).buffer);
}

function asDouble(lo: number, hi: number): number {
  return new Float64Array(new Uint32Array([lo, hi]).buffer)[0];
}

function resultOutcome(run: Run, want: Uint32Array, n: number, sample: boolean): CheckOutcome {
  const label = `with ${run.workers} worker${run.workers === 1 ? "" : "s"}`;
  const fail = (message: string): CheckOutcome => ({ check: "result", passed: false, verdict: "wrong_answer", message: `${label}: ${message}` });
  if (!run.words) return fail(run.problem ?? "no result");
  const got = run.words;
  for (let e = 0; e < n * n; e++) {
    if (got[2 * e] !== want[2 * e] || got[2 * e + 1] !== want[2 * e + 1]) {
      const [i, j] = [Math.floor(e / n), e % n];
      const values = sample
        ? ` (expected ${asDouble(want[2 * e], want[2 * e + 1])}, got ${asDouble(got[2 * e], got[2 * e + 1])})`
        : "";
      return fail(`element [${i}][${j}] is not bit-identical to the i, j, k-ascending triple loop${values}`);
    }
  }
  return { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: all ${n * n} elements bit-identical` };
}

function workersOutcome(ctx: CheckContext, value: Value): CheckOutcome {
  const allowed = value.workersAsked;
  const created = ctx.metrics.workersCreated;
  const passed = created <= allowed;
  const message = passed
    ? `${created} worker thread(s) created, at most ${allowed} allowed (\`workers\` per call)`
    : `${created} worker threads created, but each call may use at most \`workers\` threads (${allowed} in all for this test)`;
  return { check: "workers", passed, verdict: "resource_limit", message, figures: { workersCreated: created, allowed } };
}

function repeatOutcome(run: Run): CheckOutcome {
  const label = `with ${run.workers} worker${run.workers === 1 ? "" : "s"}`;
  if (run.problem) return { check: "result", passed: false, verdict: "wrong_answer", message: `${label}: ${run.problem}` };
  return run.sameAsFirst
    ? { check: "result", passed: true, verdict: "wrong_answer", message: `${label}: same bits as the first run` }
    : { check: "result", passed: false, verdict: "wrong_answer", message: `${label}: a repeated run gave different bits than the first run (with ${run.workers === 1 ? "one worker" : "the same input"})` };
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const input = ctx.test.input as Input;
  const value = ctx.value as Value | undefined;
  if (!value || !Array.isArray(value.runs)) return [{ check: "result", passed: false, verdict: "wrong_answer", message: "matmul produced no result" }];
  const runs = value.runs;
  const want = expectedWords(input);
  const results = runs.map((r, i) => (i === 0 ? resultOutcome(r, want, input.n, ctx.test.sample) : repeatOutcome(r)));
  const firstWrong = results.find((o) => !o.passed);
  const outcomes = [workersOutcome(ctx, value), ...(firstWrong ? [firstWrong] : results.slice(0, 2))];
  if (input.measure && !firstWrong) outcomes.push(speedupOfRuns(ctx, runs, input.workers));
  return outcomes;
}
