import { describe, expect, test } from "@jest/globals";
import { program, stderr, stdout } from "./run-helpers";

// RunSpec.threadsInTurn (graders/sandbox/thread-turn.ts): a run's threads compute one macrotask at a
// time, so that speedup is measured without them competing for the cores. Each worker below counts
// itself in a shared cell while it computes and records the most threads it ever saw computing at once.
const workers = (rounds: number, waitForAll: boolean) => `
  import { Worker } from "node:worker_threads";
  const source = \`
    const { parentPort, workerData } = require("node:worker_threads");
    const t = new Int32Array(workerData);
    const seen = () => { const now = Atomics.load(t, 0); let max; while ((max = Atomics.load(t, 1)) < now && Atomics.compareExchange(t, 1, max, now) !== max); };
    for (let r = 0; r < ${rounds}; r++) {
      Atomics.add(t, 0, 1);
      seen();
      // ${waitForAll ? "A barrier spun on shared memory: every worker must be computing at once to pass it." : "About a millisecond of work."}
      ${waitForAll ? "while (Atomics.load(t, 0) < 3) seen();" : "let x = 0; for (let i = 0; i < 200000; i++) x += Math.sqrt(i); seen();"}
      Atomics.add(t, 2, 1);
      ${waitForAll ? "while (Atomics.load(t, 2) < 3) {}" : ""}
      Atomics.sub(t, 0, 1);
    }
    parentPort.postMessage("done");
  \`;
  const sab = new SharedArrayBuffer(12);
  let done = 0;
  for (let i = 0; i < 3; i++) {
    new Worker(source, { eval: true, workerData: sab }).on("message", () => {
      if (++done === 3) console.log("most computing at once:", new Int32Array(sab)[1]);
    });
  }
`;

describe("threads taking turns on the CPU", () => {
  test("no two threads of the run compute at the same moment", async () => {
    const r = await program(workers(40, false), {}, { threadsInTurn: true });
    expect({ status: r.status, out: stdout(r), err: stderr(r) }).toEqual({ status: "ok", out: "most computing at once: 1\n", err: "" });
  });

  test("the turn is advisory: workers that spin until all of them compute at once still get there", async () => {
    const r = await program(workers(1, true), {}, { threadsInTurn: true });
    expect({ status: r.status, out: stdout(r), err: stderr(r) }).toEqual({ status: "ok", out: "most computing at once: 3\n", err: "" });
  });

  test("without turns the same workers do compute at once", async () => {
    const r = await program(workers(1, true));
    expect({ status: r.status, out: stdout(r), err: stderr(r) }).toEqual({ status: "ok", out: "most computing at once: 3\n", err: "" });
  });
});
