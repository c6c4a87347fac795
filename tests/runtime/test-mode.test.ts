import { describe, expect, test } from "@jest/globals";
import { runProgram } from "../../graders/sandbox/run-program";
import { resolveLimits } from "../../graders/limits";
import type { RunSpec } from "../../graders/sandbox/run-spec";

function testSpec(driver: string, solution: string, input: unknown, extra: Partial<RunSpec> = {}): RunSpec {
  return {
    modules: { "/driver.js": driver, "/solution.js": solution }, entry: "/driver.js", solution: "/solution.js", mode: "test",
    trusted: ["/driver.js"], input, seed: 0, cores: 2, limits: resolveLimits({ wallMs: 60_000 }), ...extra,
  };
}

describe("test mode", () => {
  test("run(input, solution) settles and its value is copied out", async () => {
    const r = await runProgram(testSpec(
      `import * as h from "grader:harness"; import "./solution.js";
       export async function run(input, s) { await h.sleep(1); const t = h.now(); await s.sleep(input.ms); h.record("slept", { after: h.now() - t }); h.log("printed"); return { after: h.now() - t, tid: h.threadId }; }`,
      `export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }`,
      { ms: 500 },
    ));
    expect(r.status).toBe("ok");
    const v = r.value as { after: number; tid: number };
    expect(v.after).toBeGreaterThanOrEqual(499);
    expect(v.tid).toBe(0);
    expect(r.marks.map((m) => m.label)).toEqual(["slept"]);
    expect(r.logs.map((l) => l.text)).toEqual(["printed"]);
  });

  // The main thread reads as DONE in the shared table before its end reaches the supervisor (its host
  // disposes the isolate first); with every worker idle the table looked quiescent, and a run whose
  // driver had settled was reported as a deadlock now and then (process-pool's close-forgets-workers).
  test("a driver that settles while the solution's workers sit idle is a result, not a deadlock", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await runProgram(testSpec(
        `import "./solution.js"; export async function run(input, s) { return s.start(); }`,
        `import { Worker } from "node:worker_threads";
         export async function start() {
           const ws = [0, 1].map(() => new Worker("require('node:worker_threads').parentPort.on('message', () => {})", { eval: true }));
           await new Promise((r) => setTimeout(r, 10));
           return ws.length;
         }`,
        {},
      ));
      expect({ status: r.status, value: r.value }).toEqual({ status: "ok", value: 2 });
    }
  });

  test("a candidate cannot import grader:harness", async () => {
    const r = await runProgram(testSpec(
      `import "./solution.js"; export async function run() { return 1; }`,
      `import * as h from "grader:harness"; export const x = 1;`,
      null,
    ));
    expect(r.status).toBe("runtime_error");
    expect(r.error?.message).toMatch(/grader:harness/);
  });

  test("a never-settling promise: time_limit_exceeded", async () => {
    const r = await runProgram(testSpec(`import "./solution.js"; export function run() { return new Promise(() => {}); }`, `export const x = 1;`, null));
    expect(r.status).toBe("time_limit_exceeded");
  });

  test("harness.startThread runs driver entries on parallel threads over one SharedArrayBuffer", async () => {
    const r = await runProgram(testSpec(
      `import * as h from "grader:harness"; import "./solution.js";
       export async function run(input) {
         const sab = new SharedArrayBuffer(4);
         await Promise.all([0, 1, 2, 3].map(() => h.startThread("work", { sab, times: input.times })));
         return Atomics.load(new Int32Array(sab), 0);
       }
       export function work(data, s) { s.increment(new Int32Array(data.sab), data.times); return h.threadId; }`,
      `export function increment(c, times) { for (let i = 0; i < times; i++) Atomics.add(c, 0, 1); }`,
      { times: 1000 },
      { seed: 7 },
    ));
    expect(r.status).toBe("ok");
    expect(r.value).toBe(4000);
    expect(r.metrics.workersCreated).toBe(4);
    expect(r.metrics.peakThreads).toBeGreaterThanOrEqual(2);
  });

  test("metrics and timeline: the longest main-thread macrotask is measured in CPU ms", async () => {
    const r = await runProgram(testSpec(
      `import "./solution.js"; export async function run(input, s) { await new Promise((r) => setTimeout(r, 10)); s.block(80); await null; return 1; }`,
      `export function block(ms) { const t = performance.now(); while (performance.now() - t < ms) {} }`,
      null,
    ));
    expect(r.status).toBe("ok");
    expect(r.metrics.longestTaskMs).toBeGreaterThanOrEqual(79);
    expect(r.metrics.longestTaskAt).toBeGreaterThanOrEqual(10);
    const spans = r.timeline!.lanes[0].spans;
    expect(spans.some((s) => s.kind === "blocked" && s.end - s.start >= 79)).toBe(true);
  });

  // A graded run sets util.inspect up at its first console call (runtime/isolate/inspect-lib.ts), after
  // lockIntrinsics, from a script the host compiles into the isolate then: in the main thread, in a
  // worker of the solution's, for console.table and for the text of an uncaught error, what it prints
  // is what Node prints, and the script leaves nothing on the global object.
  test("what a graded run prints is formatted as Node formats it, main thread and worker alike", async () => {
    const r = await runProgram(testSpec(
      `import "./solution.js"; export function run(input, s) { return s.print(); }`,
      `import { Worker } from "node:worker_threads";
       export async function print() {
         console.log({ a: [1, { b: "it's" }] }, new Map([[1, new Set(["x"])]]), "%d", 5);
         console.table([{ k: "全角", v: 1 }]);
         const w = new Worker("console.log([new Uint8Array(2), { n: null }]); throw new RangeError('in worker');", { eval: true });
         const error = await new Promise((r) => w.on("error", r));
         console.error(error instanceof RangeError, error.message);
         return Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith("__") || ["module", "exports", "require", "load"].includes(k));
       }`,
      null,
    ));
    expect(r.status).toBe("ok");
    expect(r.value).toEqual([]);
    const out = (stream: string) => r.output.filter((o) => o.stream === stream).map((o) => o.text).join("");
    expect(out("stdout")).toBe(
      "{ a: [ 1, { b: \"it's\" } ] } Map(1) { 1 => Set(1) { 'x' } } %d 5\n" +
        "┌─────────┬────────┬───┐\n│ (index) │ k      │ v │\n├─────────┼────────┼───┤\n│ 0       │ '全角' │ 1 │\n└─────────┴────────┴───┘\n" +
        "[ Uint8Array(2) [ 0, 0 ], { n: null } ]\n",
    );
    expect(out("stderr")).toBe("true in worker\n");
  });

  test("an uncaught error in a graded run is described as Node prints it", async () => {
    const r = await runProgram(testSpec(
      `import "./solution.js"; export function run(input, s) { return new Promise(() => setTimeout(() => s.fail(), 1)); }`,
      `export function fail() { throw Object.assign(new TypeError("bad input"), { code: "E_BAD" }); }`,
      null,
    ));
    expect(r.status).toBe("runtime_error");
    expect(r.output.map((o) => o.text).join("")).toMatch(/^Uncaught TypeError: bad input\n(    at .*\n)*  code: 'E_BAD'\n\}\n$/);
  });

  // A worker of the solution's is not locked (only threads that run the driver are): it may replace
  // Object.defineProperty with an endless loop before its first console call, which loads util.inspect,
  // whose bundle calls it as it starts. That must run where the watchdog can stop it, never inside a
  // call to the host: the CPU budget ends the run, not the isolate's timeout at 10x the budget in wall
  // time, whose message ends "(a macrotask never returned)".
  test("an endless loop that util.inspect's loading runs into is stopped by the CPU budget", async () => {
    const r = await runProgram(testSpec(
      `import "./solution.js"; export function run(input, s) { return s.start(); }`,
      `import { Worker } from "node:worker_threads";
       export function start() {
         const w = new Worker("Object.defineProperty = function () { for (;;) {} }; console.log('printed');", { eval: true });
         return new Promise((r) => w.on("exit", r));
       }`,
      null,
      { limits: resolveLimits({ cpuMs: 500, wallMs: 60_000 }) },
    ));
    expect(r.status).toBe("time_limit_exceeded");
    expect(r.message).toBe("CPU time limit of 500 ms exceeded");
  }, 30_000);
});
