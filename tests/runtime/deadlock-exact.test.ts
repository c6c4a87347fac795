/**
 * Deadlock detection must be exact whatever the machine's load: a waiter that a notify (or a store it
 * has not seen yet) is about to wake, a message being received, or a thread being terminated is not
 * "blocked forever". Busy host threads below keep both cores saturated so the candidate's host threads
 * are descheduled at the worst moments (between a wake-up and the woken thread's next step).
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Worker } from "node:worker_threads";
import { runProgram } from "../../graders/sandbox/run-program";
import { resolveLimits } from "../../graders/limits";
import type { RunSpec } from "../../graders/sandbox/run-spec";
import { program } from "./run-helpers";

const THREADS = 6;

// Barrier, then a ring of turns: each thread waits for its turn, counts, passes the turn on and ends at
// once, so the notifier is often done before the thread it woke has run again.
const driver = `
import * as h from "grader:harness"; import "./solution.js";
export function worker(d) {
  const c = new Int32Array(d.ctl);
  if (Atomics.add(c, 0, 1) + 1 === d.n) { Atomics.store(c, 1, 1); Atomics.notify(c, 1); }
  while (Atomics.load(c, 1) === 0) Atomics.wait(c, 1, 0);
  for (let t = Atomics.load(c, 2); t !== d.i; t = Atomics.load(c, 2)) Atomics.wait(c, 2, t);
  Atomics.add(c, 3, 1);
  Atomics.add(c, 2, 1);
  Atomics.notify(c, 2);
  return d.i;
}
export async function run(input) {
  const ctl = new SharedArrayBuffer(16);
  const ts = [];
  for (let i = 0; i < input.n; i++) ts.push(h.startThread("worker", { ctl, i, n: input.n }));
  await Promise.all(ts);
  return Atomics.load(new Int32Array(ctl), 3);
}`;

function spec(seed: number): RunSpec {
  return {
    modules: { "/driver.js": driver, "/solution.js": "export const x = 1;" }, entry: "/driver.js", solution: "/solution.js", mode: "test",
    trusted: ["/driver.js"], input: { n: THREADS }, seed, cores: 2, limits: resolveLimits({ wallMs: 60_000, maxWorkers: 16, maxWorkersTotal: 16 }),
  };
}

let hogs: Worker[] = [];
beforeAll(() => {
  hogs = [0, 1].map(() => new Worker("const end = Date.now() + 600000; while (Date.now() < end) {}", { eval: true }));
});
afterAll(async () => {
  await Promise.all(hogs.map((w) => w.terminate()));
});

describe("deadlock detection under load", () => {
  test("wait/notify handshakes between many threads are never a deadlock", async () => {
    const statuses: string[] = [];
    for (let seed = 0; seed < 10; seed++) {
      const r = await runProgram(spec(seed));
      statuses.push(r.status === "ok" && r.value === THREADS ? "ok" : `seed ${seed}: ${r.status} ${r.message ?? ""} ${String(r.value)}`);
    }
    expect(statuses.filter((s) => s !== "ok")).toEqual([]);
  }, 600_000);

  test("a real deadlock is still found under load", async () => {
    const r = await program(`
      import { Worker } from "node:worker_threads";
      const sab = new SharedArrayBuffer(8);
      const ia = new Int32Array(sab);
      new Worker("const { workerData } = require('worker_threads'); const ia = new Int32Array(workerData); Atomics.store(ia, 1, 1); Atomics.notify(ia, 1); Atomics.wait(ia, 0, 0);", { eval: true, workerData: sab });
      Atomics.wait(ia, 1, 0);
      Atomics.wait(ia, 0, 0);
    `);
    expect(r.status).toBe("deadlock");
  });
});
