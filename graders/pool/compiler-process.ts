/**
 * Entry of a grader process's type-checker child (bundled to dist/compiler-process.js). Grader processes
 * run V8 --single-threaded so that a candidate thread's CPU time holds all the work its code causes; the
 * type checker gains nothing from that and loses much: without V8's parallel scavenges and background
 * compilers a typical check took 9-13 ms instead of 4-5. So checks run here, with default V8 flags, one
 * at a time for the one job its grader process grades. It runs no candidate code.
 */
import { compileSolution, compileTrusted, warmUpCompiler } from "../compile";
import { serializeError } from "../errors";
import type { CompilerMessage, CompilerRequest } from "./protocol";

function send(message: CompilerMessage): void {
  process.send?.(message);
}

function compile(request: CompilerRequest) {
  return request.kind === "solution" ? compileSolution(request.source, request.fileName) : compileTrusted(request.source, request.fileName, request.solution);
}

if (!process.send) {
  console.error("compiler process: must be started by a grader process (no IPC channel)");
  process.exit(2);
}
// Its grader process gone (killed by the supervisor's watchdog, say), nobody needs this one.
process.on("disconnect", () => process.exit(0));
process.on("message", (request: CompilerRequest) => {
  try {
    send({ type: "result", id: request.id, result: compile(request) });
  } catch (e) {
    send({ type: "error", id: request.id, error: serializeError(e) });
  }
});
warmUpCompiler();
send({ type: "ready" });
