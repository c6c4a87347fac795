import { describe, expect, test } from "@jest/globals";
import { program, stdout, stderr } from "./run-helpers";

describe("event loop ordering (as Node prints it)", () => {
  test("sync, microtasks, timers (0 and 1 ms are the same list), immediates", async () => {
    const r = await program(`
      console.log("sync");
      setTimeout(() => console.log("timeout 1"), 1);
      setTimeout(() => console.log("timeout 0"), 0);
      setImmediate(() => console.log("immediate"));
      Promise.resolve().then(() => console.log("micro"));
      queueMicrotask(() => console.log("qm"));
    `);
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("sync\nmicro\nqm\ntimeout 1\ntimeout 0\nimmediate\n");
  });

  test("microtasks drain between timers; immediates queued in the check phase wait a loop", async () => {
    const r = await program(`
      setTimeout(() => { console.log("t1"); Promise.resolve().then(() => console.log("m1")); setImmediate(() => console.log("i1")); }, 50);
      setTimeout(() => { console.log("t2"); }, 50);
      setImmediate(() => { console.log("i0"); setImmediate(() => console.log("i0-next")); setTimeout(() => console.log("t-from-i0"), 100); });
    `);
    expect(stdout(r)).toBe("i0\ni0-next\nt1\nm1\nt2\ni1\nt-from-i0\n");
  });

  test("timers run list by list, like Node's per-duration lists", async () => {
    // Node: the 10 ms list (due 10, 12) runs before the 11 ms list (due 11) once all are due.
    const r = await program(`
      const t0 = Date.now();
      setTimeout(() => console.log("a10"), 10);
      setTimeout(() => console.log("b11"), 11);
      setTimeout(() => {
        setTimeout(() => console.log("c10"), 10);
        while (Date.now() - t0 < 30) {}
      }, 2);
    `);
    expect(stdout(r)).toBe("a10\nc10\nb11\n");
  });

  test("setTimeout returns a Timeout with ref/unref/hasRef/refresh and a numeric primitive", async () => {
    const r = await program(`
      const t = setTimeout(() => console.log("never"), 10);
      console.log(typeof t, t.hasRef(), typeof +t);
      t.unref();
      console.log(t.hasRef());
      clearTimeout(+t);
      const i = setInterval(() => { console.log("tick"); if (++n === 3) clearInterval(i); }, 5);
      let n = 0;
    `);
    expect(stdout(r)).toBe("object true number\nfalse\ntick\ntick\ntick\n");
  });

  test("top-level await and an unref'd timer that keeps nothing alive", async () => {
    const r = await program(`
      await new Promise((r) => setTimeout(r, 20));
      console.log("after await");
      setTimeout(() => console.log("never"), 10).unref();
    `);
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("after await\n");
  });

  test("console formats like util.inspect", async () => {
    const r = await program(`console.log({ a: 1, b: [1, 2, 3], c: "x" }, new Map([[1, "x"]]), [undefined, null], "%d items", 3); console.error(new Set([1]));`);
    expect(stdout(r)).toBe(`{ a: 1, b: [ 1, 2, 3 ], c: 'x' } Map(1) { 1 => 'x' } [ undefined, null ] %d items 3\n`);
    expect(stderr(r)).toBe("Set(1) { 1 }\n");
  });

  test("node:events EventEmitter and once", async () => {
    const r = await program(`
      import { EventEmitter, once } from "node:events";
      const e = new EventEmitter();
      e.on("x", (v) => console.log("on", v));
      e.once("x", (v) => console.log("once", v));
      e.emit("x", 1); e.emit("x", 2);
      setTimeout(() => e.emit("y", 7, 8), 1);
      console.log(await once(e, "y"));
    `);
    expect(stdout(r)).toBe("on 1\nonce 1\non 2\n[ 7, 8 ]\n");
  });

  test("timers/promises with AbortSignal", async () => {
    const r = await program(`
      import { setTimeout as sleep } from "node:timers/promises";
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 5);
      try { await sleep(1000, "v", { signal: ac.signal }); } catch (e) { console.log(e.name, e.code); }
      console.log(await sleep(3, "done"));
    `);
    expect(stdout(r)).toBe("AbortError ABORT_ERR\ndone\n");
  });
});

describe("errors as in Node", () => {
  test("uncaught exception: Uncaught stack on stderr, exit 1, runtime_error", async () => {
    const r = await program(`console.log("before"); setTimeout(() => { throw new TypeError("boom"); }, 1); setTimeout(() => console.log("never"), 2);`);
    expect(r.status).toBe("runtime_error");
    expect(r.exitCode).toBe(1);
    expect(stdout(r)).toBe("before\n");
    expect(stderr(r)).toMatch(/^Uncaught TypeError: boom\n\s+at /);
    expect(r.error?.name).toBe("TypeError");
  });

  test("unhandled rejection ends the program", async () => {
    const r = await program(`Promise.reject(new Error("nobody")); setTimeout(() => console.log("never"), 1);`);
    expect(r.status).toBe("runtime_error");
    expect(stdout(r)).toBe("");
    expect(stderr(r)).toMatch(/Uncaught Error: nobody/);
  });

  test("a rejection handled later in the same macrotask is fine", async () => {
    const r = await program(`const p = Promise.reject(new Error("x")); await null; p.catch(() => console.log("caught"));`);
    expect(r.status).toBe("ok");
    expect(stdout(r)).toBe("caught\n");
  });

  test("unknown imports fail like Node (ERR_MODULE_NOT_FOUND)", async () => {
    const r = await program(`import fs from "node:fs"; console.log(fs);`);
    expect(r.status).toBe("runtime_error");
    expect(stderr(r)).toMatch(/ERR_MODULE_NOT_FOUND.*node:fs/);
    const r2 = await program(`import x from "./missing.js";`);
    expect(stderr(r2)).toMatch(/Cannot find module '\/missing.js'/);
  });
});
