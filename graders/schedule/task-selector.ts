/**
 * The one source of randomness of a run: a seeded PRNG (mulberry32) per thread. Used in the isolate
 * (schedule perturbation, harness.random()) and on the host. Same (seed, threadId) -> same sequence,
 * so a failing schedule replays from its seed.
 */
export type Prng = () => number;

export function mulberry32(seed: number): Prng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix a run seed with a thread id and a stream name so streams are independent. */
export function streamSeed(seed: number, threadId: number, stream: number): number {
  let h = (seed ^ Math.imul(threadId + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export interface DelayPlan {
  /** Real delay before the next point, microseconds (0 = none). */
  next(): number;
}

/**
 * Seeded delays for perturbation points (thread start, every Atomics operation, harness.perturb()).
 * Most points get no delay; some a few microseconds; a few up to ~2 ms, so that interleavings a
 * plain run never shows (a thread descheduled between a load and a store) do happen.
 */
export function delayPlan(seed: number, threadId: number): DelayPlan {
  if (seed === 0) return { next: () => 0 };
  const rnd = mulberry32(streamSeed(seed, threadId, 1));
  // Each seed picks its own intensity so different seeds explore different schedules.
  const rate = 0.02 + mulberry32(seed)() * 0.2;
  return {
    next() {
      const r = rnd();
      if (r >= rate) return 0;
      const s = rnd();
      if (s < 0.7) return 5 + Math.floor(rnd() * 50);
      if (s < 0.95) return 50 + Math.floor(rnd() * 450);
      return 500 + Math.floor(rnd() * 1500);
    },
  };
}

/** Start-of-thread delay, microseconds (threads start in a seeded, shuffled order). */
export function startDelay(seed: number, threadId: number): number {
  if (seed === 0) return 0;
  return Math.floor(mulberry32(streamSeed(seed, threadId, 2))() * 3000);
}

/** harness.random(): its own stream, so adding perturbation points does not change it. */
export function harnessRandom(seed: number, threadId: number): Prng {
  return mulberry32(streamSeed(seed, threadId, 3));
}
