// The data behind the result view's pictures: concurrency over virtual time (from a driver's task marks or
// from worker threads' busy spans) with the limit the checks name, and the speedup figures of a "speedup"
// check. Timelines below have the shape the grader writes (the marks are copied from a real promise-pool run).
import { describe, expect, it } from "@jest/globals";
import { concurrencyIntervals, concurrencyLimit, concurrencySeries } from "../../app/_components/concurrency-data";
import { speedupFigures, targetMs } from "../../app/_components/speedup-data";
import type { CheckOutcome, Timeline } from "../../graders/report";

const poolTimeline: Timeline = {
  lanes: [{ id: "t0", label: "main", spans: [{ start: 0, end: 2.37, kind: "task", label: "boot" }] }],
  marks: [
    [2.37, "task started"], [2.37, "task started"], [12.37, "task settled"], [12.37, "task started"],
    [32.37, "task settled"], [32.37, "task started"], [32.37, "task settled"], [42.37, "task settled"], [42.37, "promisePool settled"],
  ].map(([at, label]) => ({ at: at as number, lane: "t0", label: label as string })),
};
const limitCheck: CheckOutcome = { check: "limit", passed: true, verdict: "insufficient_concurrency", message: "", figures: { limit: 2, peakInFlight: 2 } };
const speedupCheck: CheckOutcome = {
  check: "speedup", passed: false, verdict: "insufficient_speedup", message: "",
  figures: { oneWorkerMs: 300, workersMs: 250, speedup: 1.2, required: 1.4, workers: 2, cores: 2, repeats: 3 },
};

describe("concurrencySeries", () => {
  it("counts tasks in flight from the start/settle marks, one count per instant, with the limit check's limit", () => {
    const s = concurrencySeries(poolTimeline, [limitCheck])!;
    expect(s.counting).toBe("tasks in flight");
    // 12.37: a settle then a start leaves 2, with no dip; 32.37: settle, start, settle peaks at 2 and leaves 1.
    expect(s.steps).toEqual([[2.37, 2], [12.37, 2], [32.37, 2], [32.37, 1], [42.37, 0]]);
    expect(s.peak).toBe(2);
    expect(s.limit).toEqual({ name: "limit", value: 2 });
    expect(s.end).toBe(42.37);
  });

  it("keeps a momentary peak when a start comes before a settle at the same instant", () => {
    const marks = [[0, "task started"], [0, "task started"], [10, "task started"], [10, "task settled"]].map(([at, label]) => ({ at: at as number, lane: "t0", label: label as string }));
    const s = concurrencySeries({ lanes: [], marks }, [limitCheck])!;
    expect(s.steps).toEqual([[0, 2], [10, 3], [10, 2]]);
    expect(s.peak).toBe(3);
    // The table keeps that instant too, so a screen reader hears the breach the chart shows as a spike.
    expect(concurrencyIntervals(s)).toEqual([{ from: 0, to: 10, count: 2 }, { from: 10, to: 10, count: 3 }]);
  });

  it("counts busy worker threads from their spans when there are no task marks, leaving out main", () => {
    const timeline: Timeline = {
      lanes: [
        { id: "t0", label: "main", spans: [{ start: 0, end: 100, kind: "task" }] },
        // Back-to-back spans of one thread are one busy stretch; a wait is not busy.
        { id: "t1", label: "thread 1", spans: [{ start: 10, end: 30, kind: "task" }, { start: 30, end: 60, kind: "task" }, { start: 60, end: 90, kind: "wait" }] },
        { id: "t2", label: "thread 2", spans: [{ start: 20, end: 50, kind: "task" }] },
      ],
      marks: [],
    };
    const s = concurrencySeries(timeline, [speedupCheck])!;
    expect(s.counting).toBe("worker threads busy");
    expect(s.steps).toEqual([[10, 1], [20, 2], [30, 2], [50, 1], [60, 0]]);
    expect(s.peak).toBe(2);
    expect(s.end).toBe(100);
    expect(s.limit).toEqual({ name: "workers allowed", value: 2 });
  });

  it("prefers the grader's own steps and limits when the timeline has them", () => {
    const s = concurrencySeries({ ...poolTimeline, concurrency: [[0, 3], [5, 0]], limits: [{ name: "cap", value: 4 }] }, [limitCheck])!;
    expect(s.steps).toEqual([[0, 3], [5, 0]]);
    expect(s.limit).toEqual({ name: "cap", value: 4 });
  });

  it("has nothing to draw for a single-thread run without task marks, or without a timeline", () => {
    expect(concurrencySeries({ lanes: [{ id: "t0", label: "main", spans: [{ start: 0, end: 5, kind: "task" }] }], marks: [] })).toBeNull();
    expect(concurrencySeries(undefined)).toBeNull();
  });

  it("reads a limit given as a numeric string and ignores a non-number", () => {
    const t: Timeline = { lanes: [], marks: [] };
    expect(concurrencyLimit(t, [{ ...limitCheck, figures: { limit: "3" } }])).toEqual({ name: "limit", value: 3 });
    expect(concurrencyLimit(t, [{ ...limitCheck, figures: { limit: "many" } }])).toBeUndefined();
  });
});

describe("concurrencyIntervals (the text table)", () => {
  it("merges the steps into intervals, dropping instants that do not last", () => {
    const s = concurrencySeries(poolTimeline, [limitCheck])!;
    // 1 then 2 at the same instant (2.37) shows as 2; at 32.37 a settle, a start and a settle leave 1.
    expect(concurrencyIntervals(s)).toEqual([
      { from: 2.37, to: 32.37, count: 2 },
      { from: 32.37, to: 42.37, count: 1 },
    ]);
  });
});

describe("speedupFigures", () => {
  it("takes both run times, the speedup and the requirement from the speedup check", () => {
    expect(speedupFigures([limitCheck, speedupCheck])).toEqual({ oneWorkerMs: 300, workersMs: 250, speedup: 1.2, required: 1.4, workers: 2, passed: false });
  });

  it("computes the speedup when the check leaves it out, and the time that would have passed", () => {
    const f = speedupFigures([{ ...speedupCheck, passed: true, figures: { oneWorkerMs: 300, workersMs: 150, required: "1.5" } }])!;
    expect(f.speedup).toBe(2);
    expect(f.workers).toBeUndefined();
    expect(targetMs(f)).toBe(200);
  });

  it("is null without a speedup check or without both times", () => {
    expect(speedupFigures([limitCheck])).toBeNull();
    expect(speedupFigures(undefined)).toBeNull();
    expect(speedupFigures([{ ...speedupCheck, figures: { oneWorkerMs: 300, required: 1.4 } }])).toBeNull();
  });
});
