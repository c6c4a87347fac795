// How many things were in flight over a test's virtual time, shaped for concurrency-chart.tsx. Pure data so
// jest can check it. Sources, first that applies: the grader's own `timeline.concurrency` steps; the
// drivers' "task started"/"task settled" marks (async track: promises in flight); otherwise the worker
// lanes' busy spans (threads busy at once, the main thread left out).
import type { CheckOutcome, Timeline } from "../../graders/report";

export interface ConcurrencyLimit {
  name: string;
  value: number;
}

export interface ConcurrencySeries {
  /** What is counted, for labels: "tasks in flight" or "worker threads busy". */
  counting: string;
  /** [virtualMs, count]; two steps share a time only for a momentary peak (the peak, then what remains). */
  steps: [number, number][];
  end: number;
  peak: number;
  limit?: ConcurrencyLimit;
}

const STARTED = "task started";
const SETTLED = "task settled";
const BUSY_KINDS = new Set(["task", "blocked", "work"]);

function num(value: number | string | undefined): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/**
 * The limit the test held the code to, from the checks' figures: a "limit" check's `limit`
 * (promise-pool), else the `workers` a speedup check allowed per call (workers track).
 */
export function concurrencyLimit(timeline: Timeline, checks: CheckOutcome[] = []): ConcurrencyLimit | undefined {
  const given = timeline.limits?.[0];
  if (given) return given;
  const limit = num(checks.find((c) => c.check === "limit")?.figures?.limit);
  if (limit !== undefined) return { name: "limit", value: limit };
  const workers = num(checks.find((c) => c.check === "speedup")?.figures?.workers);
  if (workers !== undefined) return { name: "workers allowed", value: workers };
  return undefined;
}

function extent(timeline: Timeline): number {
  let end = 0;
  for (const lane of timeline.lanes) for (const s of lane.spans) end = Math.max(end, s.end);
  for (const m of timeline.marks) end = Math.max(end, m.at);
  return end;
}

function fromMarks(timeline: Timeline): [number, number][] {
  const steps: [number, number][] = [];
  let inFlight = 0;
  // Marks arrive sorted by time, and within one instant in the order they happened. Per instant, keep the
  // count it ends with, preceded by its highest count when that is higher: a start before a settle at the
  // same instant is a real momentary peak (the checker counts it), a settle before a start is no dip.
  let at = NaN;
  let highest = 0;
  const close = () => {
    if (Number.isNaN(at)) return;
    if (highest > inFlight) steps.push([at, highest]);
    steps.push([at, inFlight]);
  };
  for (const m of timeline.marks) {
    if (m.label !== STARTED && m.label !== SETTLED) continue;
    if (m.at !== at) {
      close();
      at = m.at;
      highest = 0;
    }
    inFlight = m.label === STARTED ? inFlight + 1 : Math.max(0, inFlight - 1);
    highest = Math.max(highest, inFlight);
  }
  close();
  return steps;
}

function fromWorkerLanes(timeline: Timeline): [number, number][] {
  const events: { at: number; delta: number }[] = [];
  for (const lane of timeline.lanes) {
    if (lane.id === "t0" || lane.label === "main") continue;
    for (const s of lane.spans) {
      if (!BUSY_KINDS.has(s.kind) || s.end <= s.start) continue;
      events.push({ at: s.start, delta: 1 }, { at: s.end, delta: -1 });
    }
  }
  // Ends before starts at one instant: back-to-back spans of one lane are one busy stretch, not two.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const steps: [number, number][] = [];
  let busy = 0;
  for (const e of events) {
    busy += e.delta;
    const last = steps[steps.length - 1];
    if (last && last[0] === e.at) last[1] = busy;
    else steps.push([e.at, busy]);
  }
  return steps;
}

/** Null when the timeline has nothing that runs at once (a single-thread run with no task marks). */
export function concurrencySeries(timeline: Timeline | undefined, checks: CheckOutcome[] = []): ConcurrencySeries | null {
  if (!timeline) return null;
  let counting = "in flight";
  let steps = timeline.concurrency ?? [];
  if (steps.length === 0) {
    steps = fromMarks(timeline);
    counting = "tasks in flight";
  }
  if (steps.length === 0) {
    steps = fromWorkerLanes(timeline);
    counting = "worker threads busy";
  }
  if (steps.length === 0) return null;
  const end = Math.max(extent(timeline), ...steps.map(([t]) => t));
  return { counting, steps, end: end > 0 ? end : 1, peak: Math.max(...steps.map(([, n]) => n)), limit: concurrencyLimit(timeline, checks) };
}

/** The steps as intervals for the text table: [from, to, count], zero-length instants dropped except the peak's. */
export function concurrencyIntervals(series: ConcurrencySeries): { from: number; to: number; count: number }[] {
  const out: { from: number; to: number; count: number }[] = [];
  series.steps.forEach(([at, count], i) => {
    const to = i + 1 < series.steps.length ? series.steps[i + 1][0] : series.end;
    if (to > at || count === series.peak) out.push({ from: at, to, count });
  });
  const merged: typeof out = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.count === r.count && last.to === r.from) last.to = r.to;
    else merged.push({ ...r });
  }
  return merged;
}
