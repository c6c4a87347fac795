import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

type Observation = { result: (number | null)[] | null; hashCalls: number; virtualMs: number };

/**
 * The hashes are in tests.json (`expected`): computing them here would cost the host seconds per
 * grading. The blocking check itself is the engine's (problem.json checks.longestTaskMs).
 */
export function check(ctx: CheckContext): CheckOutcome[] {
  const want = ctx.test.expected as number[];
  const o = ctx.value as Observation;
  const fail = (message: string, figures?: CheckOutcome["figures"]): CheckOutcome[] => [{ check: "result", passed: false, verdict: "wrong_answer", message, figures }];
  if (o.result === null) return fail("hashAll did not resolve with an array");
  if (o.result.length !== want.length) return fail(`expected ${want.length} hashes, got ${o.result.length}`, { expected: want.length, got: o.result.length });
  const i = o.result.findIndex((x, k) => x !== want[k]);
  if (i >= 0) {
    const moved = want.indexOf(o.result[i] as number);
    const hint = moved >= 0 ? ` (it is the hash of input #${moved + 1}: results must be in input order)` : "";
    return fail(`hash #${i + 1} of ${want.length} is wrong${hint}`, { firstWrong: i + 1 });
  }
  return [
    {
      check: "result",
      passed: true,
      verdict: "wrong_answer",
      message: `all ${want.length} hashes correct and in input order`,
      figures: { hashes: want.length, hashCalls: o.hashCalls, virtualMs: Math.round(o.virtualMs * 100) / 100 },
    },
  ];
}
