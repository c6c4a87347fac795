/** RunResult.timeline from the threads' spans: one lane per thread, capped by merging short neighbours. */
import type { Timeline, TimelineSpan } from "../report";
import type { ThreadEnd } from "./thread-protocol";
import { TIMELINE_MAX_SPANS } from "../limits";

function cap(spans: TimelineSpan[], max: number): TimelineSpan[] {
  let out = spans.filter((s) => s.end > s.start || s.kind !== "task");
  let gap = 0.01;
  while (out.length > max) {
    const merged: TimelineSpan[] = [];
    for (const s of out) {
      const last = merged[merged.length - 1];
      if (last && last.kind === "task" && s.kind === "task" && s.start - last.end <= gap) {
        last.end = Math.max(last.end, s.end);
        last.label = "tasks";
      } else merged.push({ ...s });
    }
    out = merged;
    gap *= 4;
    if (gap > 1e9) break;
  }
  return out.slice(0, max * 2);
}

export function buildTimeline(ends: ThreadEnd[], marks: { at: number; threadId: number; label: string }[]): Timeline {
  const lanes = [...ends]
    .sort((a, b) => a.threadId - b.threadId)
    .map((e) => ({ id: `t${e.threadId}`, label: e.threadId === 0 ? "main" : `thread ${e.threadId}`, spans: cap(e.spans, TIMELINE_MAX_SPANS) }));
  return { lanes, marks: marks.map((m) => ({ at: m.at, lane: `t${m.threadId}`, label: m.label })) };
}
