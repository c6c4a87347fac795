/** grader:harness for trusted drivers: every function bound to runtime internals captured before candidate code runs. */
import { harnessRandom } from "../../schedule/task-selector";
import { host } from "./host";
import { installed, perturb } from "./atomics";
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
    awaitAtLeast,
  });
}

/**
 * Block (Atomics.wait) until cells[index] >= target or `ms` of virtual time have passed; returns the
 * cell's last value. Virtual time passes in a wait only when every thread is blocked, so "the other
 * side got there, or never will" holds whatever the machine's load.
 */
function awaitAtLeast(cells: Int32Array, index: number, target: number, ms: number): number {
  const deadline = host.now() + ms;
  let v = installed.load(cells, index);
  while (v < target && host.now() < deadline) {
    installed.wait(cells, index, v, deadline - host.now());
    v = installed.load(cells, index);
  }
  return v;
}
