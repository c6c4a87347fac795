import * as h from "grader:harness";

type S = { sleep(ms: number): Promise<void> };
type Input = { mode: "sequence" | "together"; ms: number[] };
export type Observation = {
  mode: Input["mode"];
  ms: number[];
  /** Virtual time (h.now()) at which each sleep was called and at which its promise resolved. */
  calledAt: number[];
  resolvedAt: number[];
  /** Virtual time at which the batch started ("together") or the first sleep was called ("sequence"). */
  startedAt: number;
};

/**
 * "sequence": one sleep at a time, each awaited before the next starts (timing of each sleep).
 * "together": every sleep started in one synchronous pass, then all awaited (do they overlap?).
 * Every sleep is called at the very start of a macrotask (right after a driver-side h.sleep), so
 * the event loop's cached millisecond, from which Node's timers count, is the whole millisecond of
 * the call. Times come from h.now(), which the candidate cannot tamper with.
 */
export async function run(input: Input, solution: S): Promise<Observation> {
  const n = input.ms.length;
  const calledAt: number[] = new Array(n).fill(-1);
  const resolvedAt: number[] = new Array(n).fill(-1);
  await h.sleep(1);
  const startedAt = h.now();
  if (input.mode === "sequence") {
    for (let i = 0; i < n; i++) {
      if (i > 0) await h.sleep(1);
      calledAt[i] = h.now();
      await solution.sleep(input.ms[i]);
      resolvedAt[i] = h.now();
      h.record("sleep resolved", { sleep: i, ms: input.ms[i], after: resolvedAt[i] - calledAt[i] });
    }
  } else {
    await new Promise<void>((allDone) => {
      let done = 0;
      input.ms.forEach((ms, i) => {
        calledAt[i] = h.now();
        Promise.resolve(solution.sleep(ms)).then(() => {
          resolvedAt[i] = h.now();
          h.record("sleep resolved", { sleep: i, ms, after: resolvedAt[i] - startedAt });
          if (++done === n) allDone();
        });
      });
    });
  }
  return { mode: input.mode, ms: input.ms, calledAt, resolvedAt, startedAt };
}
