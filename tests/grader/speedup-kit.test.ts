import { describe, expect, it } from "@jest/globals";
import { speedupOfRuns } from "../../graders/checks/kit/speedup";
import type { CheckContext } from "../../graders/problem-package";
import { fixturePackage } from "./helpers/packages";

// graders/checks/kit/speedup.ts: rounds of a one-worker and a w-worker call in balanced order
// (1, w, w, 1, ...); the faster call of each side in every two consecutive rounds, median of the ratios.
const pkg = fixturePackage("counter");
const ctx = (factor: number): CheckContext =>
  ({ test: pkg.tests[0], config: { ...pkg.config, checks: { speedupFactor: factor } }, value: null, marks: [], logs: [], metrics: {} as CheckContext["metrics"], cores: 2 });

/** Balanced-order runs of a program whose one-worker call takes `one` ms and w-worker call `many`, at each round's machine speed. */
function rounds(one: number, many: number, slowdown: number[]): { workers: number; ms: number }[] {
  return slowdown.flatMap((k, r) => {
    const pair = [{ workers: 1, ms: one * k }, { workers: 2, ms: many * k }];
    return r % 2 === 0 ? pair : pair.reverse();
  });
}
const speedup = (runs: { workers: number; ms: number }[], factor = 0.575) => speedupOfRuns(ctx(factor), runs, 2).figures!.speedup;

describe("the speedup figure", () => {
  it("is the program's own when the machine's speed changes halfway through the run", () => {
    expect(speedup(rounds(100, 75, [1, 1, 1, 1, 1.6, 1.6, 1.6, 1.6]))).toBeCloseTo(1.33, 2);
  });

  it("ignores a call that a GC or page faults slowed", () => {
    const runs = rounds(100, 75, Array(8).fill(1));
    runs[6].ms += 40;
    expect(speedup(runs)).toBeCloseTo(1.33, 2);
  });

  it("keeps a sequential program at 1 through a fast spell that covers only some calls", () => {
    // A fast spell over calls 2-3, both w-worker calls: the best of each side would read 1.3 here.
    const runs = rounds(100, 100, Array(8).fill(1.3));
    runs[1].ms = runs[2].ms = 100;
    const s = speedup(runs);
    expect(s).toBeLessThan(1.15);
    expect(speedupOfRuns(ctx(0.575), runs, 2)).toMatchObject({ passed: false, verdict: "insufficient_speedup" });
  });

  /** Every slow spell of one to `longest` consecutive calls, over `count` rounds of 100 and 55 ms: the speedups read. */
  function speedupsUnderSpells(count: number, longest: number): number[] {
    const out: number[] = [];
    for (let length = 1; length <= longest; length++) {
      for (let first = 0; first + length <= 2 * count; first++) {
        const runs = rounds(100, 55, Array(count).fill(1));
        for (let i = first; i < first + length; i++) runs[i].ms *= 1.3;
        out.push(Number(speedup(runs)));
      }
    }
    return out;
  }

  it("with four rounds, is unchanged by a slow spell over any one to four consecutive calls", () => {
    for (const s of speedupsUnderSpells(4, 4)) expect(s).toBeCloseTo(1.82, 2);
  });

  it("with eight rounds, is unchanged by a slow spell over any one to eight consecutive calls", () => {
    // count-primes' speed tests run eight rounds (problems/count-primes/driver.ts); four would not do.
    for (const s of speedupsUnderSpells(8, 8)) expect(s).toBeCloseTo(1.82, 2);
    expect(speedupsUnderSpells(4, 8).some((s) => Math.abs(s - 1.82) > 0.01)).toBe(true);
  });

  it("with two rounds, is decided by a slow spell over the two middle calls (why count-primes runs more)", () => {
    const runs = rounds(100, 55, [1, 1]);
    runs[1].ms *= 1.3;
    runs[2].ms *= 1.3;
    expect(speedup(runs)).toBeCloseTo(1.4, 2);
  });
});
