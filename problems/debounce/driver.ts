import * as h from "grader:harness";

type Debounced<A extends unknown[]> = ((...args: A) => void) & { cancel(): void };
type S = { debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> };
/** At virtual time `at` (ms from the start), call debounced function `fn` (default 0) with `args`, or cancel it. */
type Step = { at: number; fn?: number; args?: unknown[]; cancel?: boolean };
type Input = { ms: number; functions?: number; script: Step[]; until: number };

export type Observation = {
  /** Virtual time (h.now()) at which the script started; "at" of a step is counted from here. */
  startedAt: number;
  /** What the driver did, with the virtual time (h.now()) it really happened at. */
  done: { fn: number; at: number; kind: "call" | "cancel"; args: string }[];
  /** Every run of a wrapped function: which one, when (h.now()), and its arguments as JSON. */
  runs: { fn: number; at: number; args: string }[];
};

const asJson = (args: unknown[]): string => JSON.stringify(args);

/**
 * The script's steps are reached with whole-millisecond driver sleeps, so every call is made at the
 * start of a macrotask, in the millisecond the loop's cached clock shows (Node's timers count from it).
 */
export async function run(input: Input, solution: S): Promise<Observation> {
  const done: Observation["done"] = [];
  const runs: Observation["runs"] = [];
  const debounced = Array.from({ length: input.functions ?? 1 }, (_, fn) =>
    solution.debounce((...args: unknown[]) => {
      runs.push({ fn, at: h.now(), args: asJson(args) });
      h.record("fn ran", { fn, args });
    }, input.ms),
  );
  // Set-up (and the module's first run) in its own macrotask: the script starts on a fresh one.
  await h.sleep(1);
  const startedAt = h.now();
  let clock = 0;
  for (const step of input.script) {
    if (step.at > clock) await h.sleep(step.at - clock);
    clock = Math.max(clock, step.at);
    const fn = step.fn ?? 0;
    if (step.cancel) {
      done.push({ fn, at: h.now(), kind: "cancel", args: "" });
      h.record("cancel", { fn });
      debounced[fn].cancel();
    } else {
      const args = step.args ?? [];
      done.push({ fn, at: h.now(), kind: "call", args: asJson(args) });
      h.record("call", { fn, args });
      debounced[fn](...args);
    }
  }
  if (input.until > clock) await h.sleep(input.until - clock);
  return { startedAt, done, runs };
}
