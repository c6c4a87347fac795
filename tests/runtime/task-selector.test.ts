import { describe, expect, test } from "@jest/globals";
import { delayPlan, harnessRandom, startDelay } from "../../graders/schedule/task-selector";

describe("schedule perturbation randomness", () => {
  test("same seed and thread: same delay sequence; other seeds or threads differ", () => {
    const seq = (seed: number, t: number) => {
      const p = delayPlan(seed, t);
      return Array.from({ length: 500 }, () => p.next());
    };
    expect(seq(42, 1)).toEqual(seq(42, 1));
    expect(seq(42, 1)).not.toEqual(seq(43, 1));
    expect(seq(42, 1)).not.toEqual(seq(42, 2));
    expect(seq(42, 1).some((d) => d > 0)).toBe(true);
  });

  test("seed 0 never perturbs", () => {
    const p = delayPlan(0, 3);
    expect(Array.from({ length: 1000 }, () => p.next()).every((d) => d === 0)).toBe(true);
    expect(startDelay(0, 3)).toBe(0);
  });

  test("harness.random is seeded and in [0, 1)", () => {
    const a = harnessRandom(9, 0);
    const b = harnessRandom(9, 0);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
