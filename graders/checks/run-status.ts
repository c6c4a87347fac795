/**
 * What stopped a run (limits, deadlock, crash) as a check. Hidden tests never echo the candidate's
 * error message: a candidate could throw the hidden input to read it back.
 */
import type { CheckOutcome } from "../report";
import type { RunResult } from "../sandbox/run-spec";
import { verdictForStatus } from "../verdict";

const STATUS_TEXT: Record<string, string> = {
  time_limit_exceeded: "The run did not finish within its time budget (an endless loop, or a promise that never settles).",
  memory_limit_exceeded: "A thread ran out of heap memory.",
  output_limit_exceeded: "The program printed more than the output limit allows.",
  resource_limit: "The program used more workers or messages than the problem allows.",
  deadlock: "Every thread was blocked and nothing could wake them.",
  runtime_error: "The program crashed.",
  internal_error: "The sandbox itself failed.",
};

export function runStatusCheck(result: RunResult, hidden: boolean): CheckOutcome | undefined {
  const verdict = verdictForStatus(result.status);
  if (!verdict) return undefined;
  return { check: "run", passed: false, verdict, message: statusMessage(result, hidden) };
}

function statusMessage(result: RunResult, hidden: boolean): string {
  if (result.status === "runtime_error") return runtimeErrorMessage(result, hidden);
  const base = STATUS_TEXT[result.status] ?? `The run ended with status ${result.status}.`;
  if (result.status === "deadlock" && result.waits?.length) {
    const who = result.waits.map((w) => `thread ${w.threadId} waits on ${w.on}`).join("; ");
    return `${base} ${who}.`;
  }
  // The runtime's own message names limits and figures, never input data.
  return result.message ? `${base} ${result.message}` : base;
}

function runtimeErrorMessage(result: RunResult, hidden: boolean): string {
  const e = result.error;
  if (!e) return result.message ?? STATUS_TEXT.runtime_error;
  const where = e.threadId === 0 ? "the main thread" : `worker thread ${e.threadId}`;
  if (hidden) return `An uncaught ${e.name} ended the program in ${where}.`;
  return `Uncaught ${e.name} in ${where}: ${e.message}`;
}
