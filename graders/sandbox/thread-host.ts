/**
 * Entry of a host thread (bundled to dist/thread-host.js): a warm node:worker_threads thread that runs
 * one candidate thread at a time, synchronously, then waits for the next. Its CPU time is the
 * candidate's (schedstat of this OS thread).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { CandidateThread } from "./candidate-thread";
import type { FromHost, ToHost } from "./thread-protocol";

const cmd = (workerData as { cmd: MessagePort }).cmd;
const send = (m: FromHost) => parentPort!.postMessage(m);

cmd.on("message", (m: ToHost) => {
  if (m.t !== "start") return;
  const end = new CandidateThread(m, cmd, send).run();
  send({ t: "end", run: m.run, end });
  send({ t: "idle" });
});
send({ t: "ready" });
