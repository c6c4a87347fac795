/**
 * Entry of a grader process: a child of the supervisor (started with --no-node-snapshot, bundled to
 * dist/grader-process.js) that hosts the isolates of one job at a time with the real sandbox runtime.
 * TypeScript and the parsed lib files stay warm across jobs. If candidate code takes the process down
 * (V8 aborting on OOM), only this process dies; the supervisor replaces it.
 */
import { loadRunProgram, warmUpRuntime } from "../grade";
import { serveGradingJobs } from "./job-server";

void serveGradingJobs(loadRunProgram, () => warmUpRuntime(2));
