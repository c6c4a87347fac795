/**
 * Atomics as seen by candidates: wait/notify go through the host so the thread's state ("blocked on
 * Int32Array[3]") is visible for deadlock detection and virtual time; under a non-zero seed every
 * Atomics operation is a perturbation point (a seeded real delay, no virtual time).
 */
import { delayPlan, type DelayPlan } from "../../schedule/task-selector";
import { host } from "./host";
import { O } from "./intrinsics";
import { sharedAddress } from "./shared-identity";

let plan: DelayPlan = { next: () => 0 };
/** The candidates' Atomics.load and Atomics.wait as installed (perturbed under a seed), for the harness. */
export const installed = {
  load: (ta: Int32Array, index: number): number => Atomics.load(ta, index),
  wait: (ta: Int32Array, index: number, value: number, timeoutMs: number): string => Atomics.wait(ta, index, value, timeoutMs),
};

export function perturb(): void {
  const us = plan.next();
  if (us > 0) host.delay(us);
}

function checkWaitable(ta: unknown): asserts ta is Int32Array | BigInt64Array {
  if (!(ta instanceof Int32Array || ta instanceof BigInt64Array)) throw new TypeError("[object Array] is not an int32 or BigInt64 typed array.");
  if (!(ta.buffer instanceof SharedArrayBuffer)) throw new TypeError("[object Array] is not a shared typed array.");
}

export function installAtomics(seed: number, threadId: number): void {
  plan = delayPlan(seed, threadId);
  const A = Atomics as unknown as Record<string, unknown>;
  const origNotify = Atomics.notify;
  const wait = (ta: Int32Array | BigInt64Array, index: number, value: number | bigint, timeout?: number): string => {
    checkWaitable(ta);
    perturb();
    const i = Number(index);
    if (!(i >= 0 && i < ta.length)) throw new RangeError("Invalid atomic access index");
    let t = timeout === undefined ? Infinity : Number(timeout);
    if (Number.isNaN(t)) t = Infinity;
    if (t < 0) t = 0;
    return host.wait(ta, i, value, t, sharedAddress(ta, i));
  };
  const notify = (ta: Int32Array | BigInt64Array, index: number, count?: number): number => {
    perturb();
    // The native call checks the arguments (and is the whole answer for a non-shared array); the host
    // then wakes the waiters itself so it can count them in flight for deadlock detection.
    O.reflectApply(origNotify, Atomics, [ta, index, 0]);
    if (!(ta.buffer instanceof SharedArrayBuffer)) return 0;
    const c = count === undefined ? Infinity : +count;
    const i = +index - (+index % 1);
    return host.notified(ta, i, c === Infinity ? c : c >= 1 ? c - (c % 1) : 0, sharedAddress(ta, i));
  };
  O.defineProperty(Atomics, "wait", { value: wait, writable: true, configurable: true, enumerable: false });
  installed.wait = wait;
  O.defineProperty(Atomics, "notify", { value: notify, writable: true, configurable: true, enumerable: false });
  if (seed === 0) return;
  for (const name of ["add", "and", "compareExchange", "exchange", "load", "or", "store", "sub", "xor"]) {
    const orig = A[name] as (...a: unknown[]) => unknown;
    const wrapped = {
      [name](...args: unknown[]) {
        perturb();
        return O.reflectApply(orig, Atomics, args);
      },
    }[name];
    O.defineProperty(Atomics, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
    if (name === "load") installed.load = wrapped as typeof installed.load;
  }
}
