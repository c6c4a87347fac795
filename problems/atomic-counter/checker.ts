import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

interface Observed {
  final: number;
  threads: number;
  times: number;
  schedule: string;
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const v = ctx.value as Observed;
  const want = v.threads * v.times;
  const passed = v.final === want;
  let message = `the counter ended at exactly ${v.threads} × times`;
  if (!passed) {
    message =
      v.final < want
        ? `the counter ended ${want - v.final} short of ${v.threads} × times: increments were lost (${v.schedule} schedule)`
        : `the counter ended ${v.final - want} above ${v.threads} × times (${v.schedule} schedule)`;
  }
  return [
    {
      check: "result",
      passed,
      verdict: "wrong_answer",
      message,
      figures: ctx.test.sample ? { final: v.final, expected: want } : { off: want - v.final },
    },
  ];
}
