import { describeNodeParity } from "./node-parity-suite";

/** Programs whose output does not depend on real timing: the sandbox must print exactly what node prints. */
const PROGRAMS: Record<string, string> = {
  formatting: `
    console.log({ a: 1, nested: { deep: { deeper: { deepest: 1 } } }, arr: new Array(120).fill(0).map((_, i) => i) });
    console.log("%s is %d years and %i days, %o", "x", 42.5, 3.9, { k: [1] });
    console.log([1.5, -0, 0n, "str", Symbol("s"), null, undefined, () => 1, class A {}, new Error("e").message]);
    console.log(new Map([["k", new Set([1, 2])]]), new Int32Array([1, 2, 3]), [ , 1], Object.create(null));
    console.log("a\\nb", ["a\\nb"], { "key with space": 1, valid_id: 2 });
    class Point { constructor() { this.x = 1; this.y = 2; } }
    console.log(new Point(), [new Point()], { p: new Point() });
    console.error("err", { e: 1 });
  `,
  ordering: `
    setTimeout(() => console.log("timeout"), 20);
    setImmediate(() => console.log("immediate"));
    Promise.resolve().then(() => console.log("micro 1")).then(() => console.log("micro 2"));
    queueMicrotask(() => console.log("qm"));
    (async () => { console.log("async start"); await null; console.log("async after await"); })();
    console.log("sync end");
  `,
  timersInsideTimers: `
    setTimeout(() => {
      console.log("t1");
      setImmediate(() => console.log("immediate from t1"));
      setTimeout(() => console.log("timeout from t1"), 0);
      Promise.resolve().then(() => console.log("micro from t1"));
    }, 5);
    setTimeout(() => console.log("t2"), 5);
    // Both timers are due when the loop first looks: two setTimeout calls in a row can straddle a
    // millisecond in real node (its first call loads the timers code), which put t2 after the check phase.
    const start = Date.now();
    while (Date.now() - start < 20) {}
  `,
  eventsAndErrors: `
    import { EventEmitter } from "node:events";
    const e = new EventEmitter();
    e.on("data", (x) => console.log("data", x));
    e.prependListener("data", (x) => console.log("first", x));
    e.emit("data", 1);
    console.log(e.listenerCount("data"), e.eventNames());
    try { e.emit("error", new Error("bad")); } catch (err) { console.log("thrown:", err.message); }
    const err = new RangeError("r"); console.log(err.name, err.message, err instanceof Error);
    console.log(structuredClone({ d: new Date(0), m: new Map([[1, 2]]) }));
  `,
  intervals: `
    let n = 0;
    const i = setInterval(() => { n++; console.log("tick", n); if (n === 3) { clearInterval(i); setTimeout(() => console.log("after"), 10); } }, 10);
  `,
};

describeNodeParity("output equals node's", PROGRAMS);
