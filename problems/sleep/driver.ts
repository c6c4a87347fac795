import * as h from "grader:harness";

type S = { sleep(ms: number): Promise<void> };
type Input = { mode: "sequence" | "together"; ms: number[] };
export type Observation = { mode: Input["mode"]; ms: number[]; elapsed: number[]; makespan: number };

/**
 * "sequence": one sleep at a time, each awaited before the next starts (timing of each sleep).
 * "together": every sleep started in one synchronous pass, then all awaited (do they overlap?).
 * Times come from h.now(), which the candidate cannot tamper with.
 */
export async function run(input: Input, solution: S): Promise<Observation> {
  const elapsed: number[] = new Array(input.ms.length).fill(-1);
  const t0 = h.now();
  if (input.mode === "sequence") {
    for (let i = 0; i < input.ms.length; i++) {
      const start = h.now();
      await solution.sleep(input.ms[i]);
      elapsed[i] = h.now() - start;
      h.record("sleep settled", { i, ms: input.ms[i], elapsed: elapsed[i] });
    }
  } else {
    await new Promise<void>((allDone) => {
      let done = 0;
      input.ms.forEach((ms, i) => {
        const start = h.now();
        h.record("sleep started", { i, ms });
        Promise.resolve(solution.sleep(ms)).then(() => {
          elapsed[i] = h.now() - start;
          h.record("sleep settled", { i, ms, elapsed: elapsed[i] });
          if (++done === input.ms.length) allDone();
        });
      });
    });
  }
  return { mode: input.mode, ms: input.ms, elapsed, makespan: h.now() - t0 };
}
