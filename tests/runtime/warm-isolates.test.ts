/**
 * Warm isolates (graders/sandbox/host-bridge.ts): a host thread keeps the isolate of a clean run and
 * gives the next run a new context in it. Nothing of one run may reach the next, and an isolate is
 * kept only when nothing of its run can still execute in it. Runs here are single-threaded; which host
 * thread takes a run depends on timing, so runs are compared with the previous run on the same host.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { program, stdout } from "./run-helpers";
import { shutdownRuntime } from "../../graders/sandbox/run-program";
import type { RunLimits, RunResult } from "../../graders/sandbox/run-spec";

afterAll(() => shutdownRuntime());

const main = (r: RunResult) => r.metrics.threads.find((t) => t.threadId === 0)!;
const isolateRuns = (r: RunResult) => main(r).isolateRuns;

/** For each run after the first on its host thread: the run before it there, and it. */
function onSameHost(results: RunResult[]): [before: RunResult, after: RunResult][] {
  const last = new Map<number, RunResult>();
  const pairs: [RunResult, RunResult][] = [];
  for (const r of results) {
    const prev = last.get(main(r).hostThread);
    if (prev) pairs.push([prev, r]);
    last.set(main(r).hostThread, r);
  }
  return pairs;
}

async function runs(code: string, n: number, limits: Partial<RunLimits> = {}): Promise<RunResult[]> {
  const out: RunResult[] = [];
  // Warm isolates are off unless a run asks for them (RunSpec.warmIsolates).
  for (let i = 0; i < n; i++) out.push(await program(code, limits, { warmIsolates: true }));
  return out;
}

/** Every run that followed one of these on the same host thread had a new isolate. */
function expectNewIsolateAfterEach(results: RunResult[]): void {
  const pairs = onSameHost(results);
  expect(pairs.length).toBeGreaterThan(0);
  expect(pairs.map(([, after]) => isolateRuns(after))).toEqual(pairs.map(() => 1));
}

describe("warm isolates", () => {
  it("a run in a kept isolate sees nothing the runs before it set or rewrote", async () => {
    const code = `
      console.log(typeof globalThis.leaked, Array.prototype.leak, ({}).polluted, typeof Map.prototype.keys, Map.prototype.keys.name);
      console.log([...new Map([[1, 2]]).keys()], JSON.stringify({ a: 1 }), Object.keys(globalThis).includes("leaked"));
      globalThis.leaked = 1;
      Array.prototype.leak = 1;
      Object.prototype.polluted = 1;
      Map.prototype.keys = () => "tampered";
      JSON.stringify = () => "tampered";
    `;
    const results = await runs(code, 6);
    for (const r of results) {
      expect({ status: r.status, out: stdout(r) }).toEqual({ status: "ok", out: "undefined undefined undefined function keys\n[ 1 ] {\"a\":1} false\n" });
    }
    // Each run after the first on a host thread ran in the isolate kept there (else this proves nothing).
    const pairs = onSameHost(results);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.map(([before, after]) => isolateRuns(after) - isolateRuns(before))).toEqual(pairs.map(() => 1));
  });

  it("an isolate whose program registered a FinalizationRegistry callback is not kept", async () => {
    const code = `
      const registry = new FinalizationRegistry((held) => console.log("finalized", held));
      registry.register({}, "x");
      console.log("registered");
    `;
    const results = await runs(code, 6);
    for (const r of results) expect(stdout(r)).toBe("registered\n");
    expectNewIsolateAfterEach(results);
  });

  it("an isolate in which a loop was cut by the CPU budget is not kept", async () => {
    const spins = await runs("for (;;) {}", 4, { cpuMs: 100 });
    for (const r of spins) expect(r.status).toBe("time_limit_exceeded");
    expectNewIsolateAfterEach(spins);
  });

  it("an isolate that hit its memory limit is not kept", async () => {
    const bombs = await runs("const a = []; for (;;) a.push(new Array(1e5).fill({ x: 1 }));", 4, { memoryMb: 64 });
    for (const r of bombs) expect(r.status).toBe("memory_limit_exceeded");
    expectNewIsolateAfterEach(bombs);
  });
});
