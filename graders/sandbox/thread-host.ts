/**
 * Entry of a host thread (bundled to dist/thread-host.js): a warm node:worker_threads thread that runs
 * one candidate thread at a time, synchronously, then waits for the next. Its CPU time is the
 * candidate's (this OS thread's CPU clock, thread-cpu.ts).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { CandidateThread } from "./candidate-thread";
import { disposeSpareIsolate, prepareSpareIsolate } from "./spare-isolate";
import type { FromHost, HostWorkerData, ToHost } from "./thread-protocol";

const { cmd, runtime } = workerData as HostWorkerData;
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

/** The last run's heap limit: a spare is made like it (most runs of a grading share it). */
let lastMemoryMb: number | null = null;

cmd.on("message", (m: ToHost) => {
  if (m.t === "retire") return retire();
  if (m.t === "warm") {
    if (lastMemoryMb !== null) prepareSpareIsolate(lastMemoryMb, runtime);
    return;
  }
  if (m.t === "cool") return disposeSpareIsolate();
  if (m.t !== "start") return;
  lastMemoryMb = m.limits.memoryMb;
  const thread = new CandidateThread(m, runtime, cmd, send);
  const end = thread.run();
  send({ t: "end", run: m.run, end });
  thread.releaseIsolate();
  send({ t: "idle" });
});
send({ t: "ready" });
