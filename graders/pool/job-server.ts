/**
 * The grader process's side of the pool protocol: receive jobs over IPC, grade them in this process,
 * send reports back. The sandbox runtime is a parameter so the entry (grader-process.ts) passes the
 * real one and tests can start a process around a scripted one.
 */
import { gradeInProcess, type RunProgram } from "../grade";
import { CompilerProcess } from "./compiler-client";
import { serializeError } from "../errors";
import { trimHeapIfGrown } from "./heap-trim";
import type { GraderProcessMessage, SupervisorMessage } from "./protocol";

const WARM_UP_MAX_MS = 15_000;

function send(message: GraderProcessMessage): void {
  process.send?.(message);
}

/**
 * Reports each run to the supervisor first, and again whenever the run's wall-clock net is extended
 * (wall-net.ts), so the watchdog follows the run's own wall budget.
 */
function withHeartbeat(id: number, run: RunProgram): RunProgram {
  return (spec) => {
    const beat = () => send({ type: "progress", id, wallMs: spec.limits.wallMs });
    beat();
    return run({ ...spec, onProgress: beat });
  };
}

const compiler = new CompilerProcess();

async function handle(message: SupervisorMessage, runtime: () => RunProgram): Promise<void> {
  if (message.type !== "job") return;
  let reply: GraderProcessMessage;
  try {
    const runProgram = withHeartbeat(message.id, runtime());
    const report = await gradeInProcess(message.pkg, message.source, { ...message.options, runProgram, compiler });
    reply = { type: "report", id: message.id, report };
  } catch (e) {
    reply = { type: "error", id: message.id, error: serializeError(e) };
  }
  // Before the reply: the supervisor reads this process's size when the reply arrives (recycleRssMb).
  trimHeapIfGrown();
  send(reply);
}

export async function serveGradingJobs(runtime: () => RunProgram, warmUp?: () => Promise<void>): Promise<void> {
  if (!process.send) {
    console.error("grader process: must be started by the grader pool (no IPC channel)");
    process.exit(2);
  }
  process.on("message", (m: SupervisorMessage) => void handle(m, runtime));
  // The supervisor gone means nobody will read our reports. SIGKILL, not exit(): an exit tears down the
  // host threads, and a thread that used isolated-vm can crash on the way out (host-pool.ts).
  process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
  try {
    // Warming is an optimisation: never let it keep the process from serving.
    const warming = Promise.all([compiler.start(), warmUp?.()]);
    await Promise.race([warming, new Promise((r) => setTimeout(r, WARM_UP_MAX_MS).unref())]);
  } catch {
    // A broken compiler or runtime shows up as an error on the first job, with its message.
  }
  send({ type: "ready" });
}
