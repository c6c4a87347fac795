/**
 * Race detection for the threads track: a test runs under several schedules. Seed 0 is the natural
 * (unperturbed) schedule; the others are derived from the report's seed base so a whole grading run
 * can be reproduced, and each failing schedule is named by its own seed so `--seed N` replays it.
 */
export const DEFAULT_SCHEDULES = 8;

/** 32-bit mix (splitmix-like): a stable, well-spread, non-zero seed for (base, test, schedule). */
export function scheduleSeed(base: number, testIndex: number, schedule: number): number {
  let x = (base ^ Math.imul(testIndex + 1, 0x9e3779b1) ^ Math.imul(schedule, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x === 0 ? 1 : x;
}

/** The seeds a test runs under: [0, derived...], or exactly the replayed one. */
export function seedsForTest(options: { base: number; testIndex: number; schedules: number; replay?: number }): number[] {
  if (options.replay !== undefined) return [options.replay];
  const seeds = [0];
  for (let k = 1; k < options.schedules; k++) seeds.push(scheduleSeed(options.base, options.testIndex, k));
  return seeds;
}

/** A fresh, non-zero seed base for a grading run. */
export function randomSeedBase(): number {
  return ((Math.random() * 0xffffffff) >>> 0) || 1;
}
