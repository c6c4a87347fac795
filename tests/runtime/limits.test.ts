import { describe, expect, test } from "@jest/globals";
import { program, stdout } from "./run-helpers";

describe("limits, each with its status", () => {
  test("infinite loop: time_limit_exceeded (CPU)", async () => {
    const r = await program(`let i = 0; while (true) { i++; }`, { cpuMs: 300 });
    expect(r.status).toBe("time_limit_exceeded");
  });

  test("busy loop that reads the clock: stopped by the CPU budget", async () => {
    const r = await program(`while (true) { Date.now(); }`, { cpuMs: 300 });
    expect(r.status).toBe("time_limit_exceeded");
    expect(r.message).toMatch(/CPU/);
  });

  test("heap bomb: memory_limit_exceeded, also in a worker", async () => {
    const r = await program(`const a = []; while (true) a.push(new Array(10000).fill(Math.random()));`, { memoryMb: 32 });
    expect(r.status).toBe("memory_limit_exceeded");
    const w = await program(`
      import { Worker } from "node:worker_threads";
      new Worker("const a = []; while (true) a.push(new Array(10000).fill(Math.random()));", { eval: true });
      setInterval(() => {}, 100);
    `, { memoryMb: 32 });
    expect(w.status).toBe("memory_limit_exceeded");
    expect(w.message).toMatch(/worker 1/);
  });

  test("too much output: output_limit_exceeded, stopped at the limit", async () => {
    const r = await program(`for (;;) console.log("x".repeat(99));`, { outputBytes: 1000 });
    expect(r.status).toBe("output_limit_exceeded");
    expect(stdout(r).length).toBe(1000);
  });

  test("too many workers: resource_limit", async () => {
    const r = await program(`
      import { Worker } from "node:worker_threads";
      for (let i = 0; i < 3; i++) new Worker("setTimeout(() => {}, 10)", { eval: true });
    `, { maxWorkers: 2 });
    expect(r.status).toBe("resource_limit");
  });

  test("too many messages: resource_limit", async () => {
    const r = await program(`
      import { MessageChannel } from "node:worker_threads";
      const { port1 } = new MessageChannel();
      for (let i = 0; i < 100; i++) port1.postMessage(i);
    `, { maxMessages: 50 });
    expect(r.status).toBe("resource_limit");
  });
});

describe("the wall-clock safety net never decides for a program that is computing", () => {
  test("a run past its wall period that keeps using CPU finishes normally, and reports progress", async () => {
    let beats = 0;
    const r = await program(`
      let n = 0;
      const chunk = () => { const t = performance.now(); while (performance.now() - t < 20); if (++n < 60) setImmediate(chunk); else console.log("done", n); };
      chunk();
    `, { wallMs: 500, cpuMs: 20_000 }, { onProgress: () => beats++ });
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("done 60\n");
    expect(r.metrics.wallMs).toBeGreaterThan(500);
    expect(beats).toBeGreaterThan(0);
  });
});

describe("containment", () => {
  test("no host objects are reachable", async () => {
    const r = await program(`
      console.log([typeof process, typeof require, typeof fetch, typeof module, typeof Buffer, typeof __h_now, typeof __grader_rt, typeof __grader_builtins, typeof ivm].join(" "));
      console.log(Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith("__")).join(",") || "none");
      console.log(typeof eval("1 + 1"), new Function("return 2")());
    `);
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("undefined undefined undefined undefined undefined undefined undefined undefined undefined\nnone\nnumber 2\n");
  });

  test("forbidden globals are recorded and throw for the candidate", async () => {
    const r = await program(`try { await Promise.all([1]); } catch (e) { console.log(e.message); }`, {}, { forbid: ["Promise.all"] });
    expect(stdout(r)).toBe("Promise.all is not allowed in this problem\n");
    expect(r.forbiddenUsed).toEqual(["Promise.all"]);
  });
});
