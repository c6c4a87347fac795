/** Without a checker.ts the driver's value must deep-equal the test's `expected` (node:util semantics). */
import { inspect, isDeepStrictEqual } from "node:util";
import type { CheckOutcome } from "../report";

const SHOWN_CHARS = 400;

function show(value: unknown): string {
  const text = inspect(value, { depth: 6, breakLength: Infinity, maxArrayLength: 50, maxStringLength: 200 });
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

export function resultCheck(value: unknown, expected: unknown, hidden: boolean): CheckOutcome {
  const passed = isDeepStrictEqual(value, expected);
  if (passed) return { check: "result", passed, verdict: "wrong_answer", message: "The result is correct." };
  const message = hidden ? "The result is wrong." : `Expected ${show(expected)}, got ${show(value)}.`;
  return { check: "result", passed, verdict: "wrong_answer", message };
}
