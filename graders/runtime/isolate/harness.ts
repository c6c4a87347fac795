/** grader:harness for trusted drivers: every function bound to runtime internals captured before candidate code runs. */
import { harnessRandom } from "../../schedule/task-selector";
import { host } from "./host";
import { perturb } from "./atomics";
import { startThread } from "./messaging";
import { O } from "./intrinsics";

export function createHarness(seed: number, threadId: number, sleep: (ms: number) => Promise<void>): Record<string, unknown> {
  const rnd = harnessRandom(seed, threadId);
  return O.freeze({
    now: () => host.now(),
    record: (label: string, data?: unknown) => host.mark(String(label), data),
    log: (text: string) => host.log(String(text)),
    random: () => rnd(),
    seed,
    threadId,
    perturb: () => {
      if (seed !== 0) perturb();
    },
    startThread: (entry: string, data: unknown) => startThread("thread", String(entry), data),
    sleep,
  });
}
