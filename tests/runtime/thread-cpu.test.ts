import { describe, expect, jest, test } from "@jest/globals";

type ThreadCpu = typeof import("../../graders/sandbox/thread-cpu");

function loadCopy(): ThreadCpu {
  let m!: ThreadCpu;
  jest.isolateModules(() => {
    m = require("../../graders/sandbox/thread-cpu") as ThreadCpu;
  });
  return m;
}

describe("thread CPU clocks", () => {
  test("every copy of the module reads a thread's CPU clock by its id, to the microsecond", () => {
    // jest loads a module once per test file: a second copy once lost the precise clock (koffi's type
    // names are process-wide), and the supervisor could no longer see a spinning worker's clock.
    for (const c of [loadCopy(), loadCopy(), loadCopy()]) {
      const id = c.ownCpuClockId();
      expect(id).not.toBe(0);
      const a = c.otherThreadCpuNs(id)!;
      let x = 0;
      for (let i = 0; i < 1e5; i++) x += i;
      const b = c.otherThreadCpuNs(id)!;
      expect(x).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(a);
      expect(b - a).toBeLessThan(1e9);
      expect(Math.abs(c.threadCpuNs() - c.otherThreadCpuNs(id)!)).toBeLessThan(1e8);
    }
  });
});
