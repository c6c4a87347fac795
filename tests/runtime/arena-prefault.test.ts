/**
 * A speedup run's main thread allocates from memory faulted in before its clock starts
 * (graders/sandbox/arena-prefault.ts). A real child process counts a thread's page faults in /proc.
 */
import { describe, expect, it } from "@jest/globals";
import { childReport } from "../helpers/child-report";

type Faults = { prefaultFaults: number; bufferFaults: number };

const runChild = () => childReport<{ without: Faults; with: Faults }>("tests/fixtures/sandbox/arena-prefault-child.ts");

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
