/**
 * Entry of a host thread (bundled to dist/thread-host.js): a warm node:worker_threads thread that runs
 * one candidate thread at a time, synchronously, then waits for the next. Its CPU time is the
 * candidate's (this OS thread's CPU clock, thread-cpu.ts).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { CandidateThread } from "./candidate-thread";
import { disposeSpareIsolate, prepareSpareIsolate } from "./spare-isolate";
import type { FromHost, ToHost } from "./thread-protocol";

const cmd = (workerData as { cmd: MessagePort }).cmd;
const send = (m: FromHost) => parentPort!.postMessage(m);

/**
 * A thread ending with isolated-vm handles still waiting for their weak callbacks aborts the whole
 * process (IsolateEnvironment::GetCurrent assertion, when the teardown GC finalises an incremental
 * marking): a full collection first leaves no handle for the teardown to finalise.
 */
function retire(): void {
  disposeSpareIsolate();
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
  process.exit(0);
}

/** The last run's isolate settings: a spare is made like it (most runs of a grading share them). */
let last: { memoryMb: number; prelude: string } | null = null;

cmd.on("message", (m: ToHost) => {
  if (m.t === "retire") return retire();
  if (m.t === "warm") {
    if (last) prepareSpareIsolate(last.memoryMb, last.prelude);
    return;
  }
  if (m.t === "cool") return disposeSpareIsolate();
  if (m.t !== "start") return;
  last = { memoryMb: m.limits.memoryMb, prelude: m.prelude };
  const thread = new CandidateThread(m, cmd, send);
  const end = thread.run();
  send({ t: "end", run: m.run, end });
  thread.releaseIsolate();
  send({ t: "idle" });
});
send({ t: "ready" });
