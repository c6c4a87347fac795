/**
 * The grader bench's aims (issue 3), judged from one run's figures, so a reader of the output need not
 * work the ratios out against the issue: latency p50 within 5x the raw isolate floor, and throughput at
 * least 10x a process per submission on the same machine. A run whose legs did not all grade the
 * solution as accepted measured something else, so it meets no aim.
 */

export const LATENCY_AIM_X_FLOOR = 5;
export const THROUGHPUT_AIM_X_BASELINE = 10;

export interface AimFigures {
  /** Pool p50 over the floor's p50, back to back (the aim's figure) and with the grader idle before each. */
  latencyBackToBack: number;
  latencyIdle: number;
  /** Pool throughput over (a) a process per submission that type-checks, and (a') one that only transpiles. */
  throughputVsChecking: number;
  throughputVsTranspiling: number;
  /** Every leg's verdicts were all `accepted`. */
  allAccepted: boolean;
}

export interface AimResult {
  line: string;
  met: boolean;
}

const x = (r: number) => `${r.toFixed(1)}x`;
const mark = (met: boolean) => (met ? "met" : "NOT met");

export function judgeAims(f: AimFigures): AimResult[] {
  const latencyMet = f.allAccepted && f.latencyBackToBack <= LATENCY_AIM_X_FLOOR;
  // (a') is the cheaper baseline, so the throughput aim is judged against it: it holds against (a) too.
  const throughputMet = f.allAccepted && f.throughputVsTranspiling >= THROUGHPUT_AIM_X_BASELINE;
  const results = [
    {
      met: latencyMet,
      line: `latency p50 within ${LATENCY_AIM_X_FLOOR}x the raw isolate floor: ${x(f.latencyBackToBack)} back to back (${x(f.latencyIdle)} idle), ${mark(latencyMet)}`,
    },
    {
      met: throughputMet,
      line: `throughput at least ${THROUGHPUT_AIM_X_BASELINE}x a process per submission: ${x(f.throughputVsTranspiling)} transpiling only (a'), ${x(f.throughputVsChecking)} type-checking (a), ${mark(throughputMet)}`,
    },
  ];
  if (!f.allAccepted) results.push({ met: false, line: "not every leg graded the solution accepted (see the verdicts column): these figures measure something else" });
  return results;
}
