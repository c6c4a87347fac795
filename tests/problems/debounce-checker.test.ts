/**
 * The debounce checker near a deadline: a step whose h.now() reads a few ms late (CPU the macrotask
 * spent before it, a GC say) must not fail a correct debounce, and a step read clearly before the
 * deadline must still forbid the run. Observations are built by hand: the boundary is what is tested,
 * and a real run reads a step that late only rarely.
 */
import { describe, expect, it } from "@jest/globals";
import { check } from "../../problems/debounce/checker";
import type { CheckContext } from "../../graders/problem-package";

type Step = { fn: number; at: number; kind: "call" | "cancel"; args: string };
type Run = { fn: number; at: number; args: string };

const START = 10;
const call = (at: number, args = '["never"]'): Step => ({ fn: 0, at: START + at, kind: "call", args });
const cancel = (at: number): Step => ({ fn: 0, at: START + at, kind: "cancel", args: "" });
const ran = (at: number, args = '["never"]'): Run => ({ fn: 0, at: START + at, args });

/** The hidden test "cancel just before the deadline": wait 100 ms, a call at 0, a cancel (at 95 by the script). */
function verdict(done: Step[], runs: Run[]): { passed: boolean; message: string } {
  const ctx = { test: { name: "t", sample: false, input: { ms: 100, until: 400 } }, value: { startedAt: START, done, runs } } as unknown as CheckContext;
  const [outcome] = check(ctx);
  return { passed: outcome.passed, message: outcome.message };
}

describe("debounce checker near a deadline", () => {
  it("a cancel read at 95 ms forbids the run: a debounce whose cancel does nothing fails", () => {
    expect(verdict([call(0), cancel(95)], [])).toMatchObject({ passed: true });
    const wrong = verdict([call(0), cancel(95)], [ran(100)]);
    expect(wrong.passed).toBe(false);
    expect(wrong.message).toMatch(/ran 1 time\(s\), expected 0 \(an extra run at 100 ms\)/);
  });

  it("a cancel read a few ms past the deadline (a stall before it) accepts the correct outcome, no run", () => {
    expect(verdict([call(0), cancel(101)], [])).toMatchObject({ passed: true });
    expect(verdict([call(0), cancel(97)], [])).toMatchObject({ passed: true });
  });

  it("within that window a run at the deadline is accepted too, and a run at the wrong time is not", () => {
    expect(verdict([call(0), cancel(101)], [ran(100)])).toMatchObject({ passed: true });
    expect(verdict([call(0), cancel(101)], [ran(60)]).passed).toBe(false);
    expect(verdict([call(0), cancel(101)], [ran(100), ran(101)]).passed).toBe(false);
  });

  it("a cancel read well past the deadline still requires the run", () => {
    const late = verdict([call(0), cancel(150)], []);
    expect(late.passed).toBe(false);
    expect(late.message).toMatch(/ran 0 time\(s\), expected 1/);
    expect(verdict([call(0), cancel(150)], [ran(100)])).toMatchObject({ passed: true });
  });

  it("a call read near the deadline: the earlier call's run may come or not, the later call's must", () => {
    const done = [call(0, '["a"]'), call(99, '["b"]')];
    expect(verdict(done, [ran(199, '["b"]')])).toMatchObject({ passed: true });
    expect(verdict(done, [ran(100, '["a"]'), ran(199, '["b"]')])).toMatchObject({ passed: true });
    const missing = verdict(done, [ran(100, '["a"]')]);
    expect(missing.passed).toBe(false);
    expect(missing.message).toMatch(/expected 1 to 2/);
  });
});
