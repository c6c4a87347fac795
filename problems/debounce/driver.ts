import * as h from "grader:harness";

type Debounced<A extends unknown[]> = ((...args: A) => void) & { cancel(): void };
type S = { debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> };
/** At virtual time `at` (ms from the start), call debounced function `fn` (default 0) with `args`, or cancel it. */
type Step = { at: number; fn?: number; args?: unknown[]; cancel?: boolean };
type Input = { ms: number; functions?: number; script: Step[]; until: number };

export type Observation = {
  /** What the driver did, with the virtual time it really happened at. */
  done: { fn: number; at: number; kind: "call" | "cancel"; args: string }[];
  /** Every run of a wrapped function: which one, when, and its arguments as JSON. */
  runs: { fn: number; at: number; args: string }[];
};

const asJson = (args: unknown[]): string => JSON.stringify(args);

export async function run(input: Input, solution: S): Promise<Observation> {
  const done: Observation["done"] = [];
  const runs: Observation["runs"] = [];
  const t0 = h.now();
  const debounced = Array.from({ length: input.functions ?? 1 }, (_, fn) =>
    solution.debounce((...args: unknown[]) => {
      runs.push({ fn, at: h.now() - t0, args: asJson(args) });
      h.record("fn ran", { fn, args });
    }, input.ms),
  );
  for (const step of input.script) {
    const wait = step.at - (h.now() - t0);
    if (wait > 0) await h.sleep(wait);
    const fn = step.fn ?? 0;
    const at = h.now() - t0;
    if (step.cancel) {
      done.push({ fn, at, kind: "cancel", args: "" });
      h.record("cancel", { fn });
      debounced[fn].cancel();
    } else {
      const args = step.args ?? [];
      done.push({ fn, at, kind: "call", args: asJson(args) });
      h.record("call", { fn, args });
      debounced[fn](...args);
    }
  }
  const rest = input.until - (h.now() - t0);
  if (rest > 0) await h.sleep(rest);
  return { done, runs };
}
