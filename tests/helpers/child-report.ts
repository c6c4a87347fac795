/**
 * Runs a fixture as a real child process (node --import tsx) and resolves with the first message it
 * sends: for tests whose subject is per-process state (the C heap, a thread's page faults).
 */
import { fork } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

/** `fixture` relative to the repository root; `flags` are added to node's. */
export function childReport<T>(fixture: string, flags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, fixture), [], { cwd: ROOT, execArgv: ["--import", "tsx", ...flags], stdio: "pipe" });
    child.once("message", (m) => {
      child.kill();
      resolve(m as T);
    });
    child.once("exit", (code) => reject(new Error(`${fixture} exited (${code}) before reporting`)));
  });
}
