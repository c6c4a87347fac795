/** Latency and throughput figures of one bench leg. */
export interface LegFigures {
  name: string;
  p50: number;
  p95: number;
  mean: number;
  /** Submissions per second with `concurrency` in flight. */
  throughput: number;
  concurrency: number;
  samples: number;
  verdicts: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies: number[]): { p50: number; p95: number; mean: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

/**
 * Runs at least `count` jobs with `concurrency` in flight, and goes on starting jobs until `minMs` have
 * passed; returns jobs done per second.
 */
export async function throughput(count: number, concurrency: number, job: () => Promise<unknown>, minMs = 0): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < count || performance.now() - started < minMs) {
      next++;
      await job();
    }
  });
  await Promise.all(lanes);
  return next / ((performance.now() - started) / 1000);
}

/** Sequential latencies of `count` jobs, in ms; `gapMs` of idle time before each (0: back to back). */
export async function latencies(count: number, job: () => Promise<unknown>, gapMs = 0): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
    const t0 = performance.now();
    await job();
    out.push(performance.now() - t0);
  }
  return out;
}

export function tally(verdicts: string[]): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v}×${n}`).join(" ");
}
