/**
 * A speedup run's main thread allocates from memory faulted in before its clock starts
 * (graders/sandbox/arena-prefault.ts). A real child process counts a thread's page faults in /proc.
 */
import { describe, expect, it } from "@jest/globals";
import { fork } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
type Faults = { prefaultFaults: number; bufferFaults: number };

function runChild(): Promise<{ without: Faults; with: Faults }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, "tests/fixtures/sandbox/arena-prefault-child.ts"), [], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: "pipe" });
    child.once("message", (m) => {
      child.kill();
      resolve(m as { without: Faults; with: Faults });
    });
    child.once("exit", (code) => reject(new Error(`arena-prefault child exited (${code}) before reporting`)));
  });
}

describe("arena prefault", () => {
  it("lets a thread's buffers take no fresh pages once its arena is faulted in", async () => {
    const r = await runChild();
    const pagesPerBuffer = (6 << 20) / 4096;
    // Eight 6 MB buffers written in full: a page fault for nearly every page without the prefault ...
    expect(r.without.bufferFaults).toBeGreaterThan(8 * pagesPerBuffer * 0.9);
    // ... and fewer than one buffer's worth with it, the faults taken beforehand instead.
    expect(r.with.bufferFaults).toBeLessThan(pagesPerBuffer);
    expect(r.with.prefaultFaults).toBeGreaterThan(8 * pagesPerBuffer);
  });
});
