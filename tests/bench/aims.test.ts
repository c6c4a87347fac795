import { describe, expect, it } from "@jest/globals";
import { judgeAims, type AimFigures } from "../../bench/aims";

const meeting: AimFigures = { latencyBackToBack: 4.3, latencyIdle: 3.8, throughputVsChecking: 40.1, throughputVsTranspiling: 15.2, allAccepted: true };

describe("the grader bench's aims", () => {
  it("are met when latency is within 5x the floor and throughput at least 10x the cheaper baseline", () => {
    const [latency, thr, ...rest] = judgeAims(meeting);
    expect(latency).toEqual({ met: true, line: "latency p50 within 5x the raw isolate floor: 4.3x back to back (3.8x idle), met" });
    expect(thr).toEqual({ met: true, line: "throughput at least 10x a process per submission: 15.2x transpiling only (a'), 40.1x type-checking (a), met" });
    expect(rest).toEqual([]);
  });

  it("judge latency on the back-to-back figure, not the idle one", () => {
    const [latency] = judgeAims({ ...meeting, latencyBackToBack: 5.4, latencyIdle: 3.1 });
    expect(latency.met).toBe(false);
    expect(latency.line).toMatch(/5\.4x back to back .* NOT met$/);
  });

  it("judge throughput against the transpiling baseline, the cheaper one", () => {
    const [, thr] = judgeAims({ ...meeting, throughputVsChecking: 25, throughputVsTranspiling: 9.5 });
    expect(thr.met).toBe(false);
    expect(thr.line).toMatch(/NOT met$/);
  });

  it("count a ratio exactly at the aim as met", () => {
    expect(judgeAims({ ...meeting, latencyBackToBack: 5, throughputVsTranspiling: 10 }).map((a) => a.met)).toEqual([true, true]);
  });

  it("are not met by a run in which a leg did not accept the solution", () => {
    const aims = judgeAims({ ...meeting, allAccepted: false });
    expect(aims.map((a) => a.met)).toEqual([false, false, false]);
    expect(aims[2].line).toMatch(/not every leg graded the solution accepted/);
  });
});
