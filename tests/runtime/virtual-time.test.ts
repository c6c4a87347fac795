import { describe, expect, test } from "@jest/globals";
import { program, stdout } from "./run-helpers";

describe("virtual time", () => {
  test("an hour of sleep passes at once and Date.now() shows it", async () => {
    const r = await program(`
      const t0 = Date.now(), p0 = performance.now();
      await new Promise((r) => setTimeout(r, 3_600_000));
      console.log(Date.now() - t0 >= 3_600_000, performance.now() - p0 >= 3_600_000, new Date(t0).getUTCFullYear());
    `, { virtualMs: 4_000_000 });
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("true true 2026\n");
    expect(r.metrics.virtualMs).toBeGreaterThanOrEqual(3_600_000);
    expect(r.metrics.cpuMs).toBeLessThan(1000);
  });

  test("a busy-wait on Date.now() ends and costs about its length in CPU", async () => {
    const r = await program(`const t = Date.now(); while (Date.now() - t < 100) {} console.log("done");`);
    expect(stdout(r)).toBe("done\n");
    expect(r.metrics.longestTaskMs).toBeGreaterThanOrEqual(95);
    expect(r.metrics.longestTaskMs).toBeLessThan(400);
    expect(r.metrics.cpuMs).toBeGreaterThanOrEqual(95);
  });

  test("the clock moves with the thread's CPU to the microsecond, not in scheduler ticks", async () => {
    // Each step spins until performance.now() moves, then records how far it jumped. A clock read from
    // /proc/thread-self/schedstat stands still within a 4 ms tick and then jumps by the whole tick.
    const r = await program(`
      const jumps = [];
      for (let i = 0; i < 200; i++) { const a = performance.now(); let b; do { b = performance.now(); } while (b === a); jumps.push(b - a); }
      jumps.sort((x, y) => x - y);
      console.log(jumps[100] < 0.1, jumps.filter((j) => j >= 1).length <= 2);
    `);
    expect(stdout(r)).toBe("true true\n");
  });

  test("postMessage charges its sender the serialization only, as Node does, not a build of the copy", async () => {
    // Node's receiver, not its sender, builds the value; structuredClone does both in one thread. The
    // figures are the thread's own CPU time, so the ratio holds on a loaded machine.
    const r = await program(`
      import { Worker } from "node:worker_threads";
      const text = [];
      for (let i = 0; i < 32; i++) text.push(("word " + i + " ").repeat(10_000) + "é");
      const w = new Worker("require('node:worker_threads').parentPort.on('message', () => {})", { eval: true });
      const post = [], clone = [];
      for (let k = 0; k < 5; k++) {
        let t = performance.now(); w.postMessage(text); post.push(performance.now() - t);
        t = performance.now(); structuredClone(text); clone.push(performance.now() - t);
      }
      const median = (a) => a.sort((x, y) => x - y)[2];
      console.log(median(post) < 0.5 * median(clone) ? "cheaper" : "post " + median(post) + " ms, clone " + median(clone) + " ms");
      await w.terminate();
    `);
    expect(stdout(r)).toBe("cheaper\n");
  });

  test("two timers set back to back at the start of the program share their millisecond", async () => {
    // The same virtual millisecond puts both in one timer list run: t2 runs before the check phase.
    for (let i = 0; i < 5; i++) {
      const r = await program(`
        setTimeout(() => { console.log("t1"); setImmediate(() => console.log("i1")); }, 50);
        setTimeout(() => console.log("t2"), 50);
      `);
      expect(stdout(r)).toBe("t1\nt2\ni1\n");
    }
  });

  test("clocks never go backwards and agree", async () => {
    const r = await program(`
      let lastD = Date.now(), lastP = performance.now(), ok = true;
      for (let i = 0; i < 2000; i++) { const d = Date.now(), p = performance.now(); if (d < lastD || p < lastP) ok = false; lastD = d; lastP = p; }
      await new Promise((r) => setTimeout(r, 1));
      // At the start of a macrotask the cached loop time is the current millisecond.
      const d0 = Date.now(), p0 = performance.now();
      await new Promise((r) => setTimeout(r, 250));
      const dd = Date.now() - d0, dp = performance.now() - p0;
      // Like Node, a timer starts from the cached loop time, so it may fire up to 1 ms early by Date.now().
      console.log(ok, Math.abs(dd - dp) < 2, dd >= 249);
    `);
    expect(stdout(r)).toBe("true true true\n");
  });

  test("a never-settling top-level await exits like Node (code 13)", async () => {
    const r = await program(`await new Promise(() => {});`);
    expect(r.exitCode).toBe(13);
  });

  test("the virtual time budget stops a program that waits too long", async () => {
    const r = await program(`setTimeout(() => console.log("late"), 10_000);`, { virtualMs: 1000 });
    expect(r.status).toBe("time_limit_exceeded");
    expect(r.message).toMatch(/virtual time/);
  });
});
