/** Use of a global the problem forbids (problem.json "forbid") is a wrong answer, whatever the result. */
import type { CheckOutcome } from "../report";
import type { RunResult } from "../sandbox/run-spec";

export function forbiddenUseCheck(result: RunResult): CheckOutcome | undefined {
  const used = [...new Set(result.forbiddenUsed ?? [])];
  if (used.length === 0) return undefined;
  return {
    check: "forbidden",
    passed: false,
    verdict: "wrong_answer",
    message: `The solution used ${used.map((u) => `\`${u}\``).join(", ")}, which this problem does not allow.`,
  };
}
