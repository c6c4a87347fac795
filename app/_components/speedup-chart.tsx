// Speedup against one worker as two bars (one worker, w workers) with the time that would have met the
// requirement as a dashed mark. Inline SVG, no hooks; the figures as a table for screen readers.
import { targetMs, type SpeedupFigures } from "./speedup-data";

const WIDTH = 600;
const LABEL_W = 110;
const RIGHT = 80;
const BAR_H = 26;
const GAP = 12;
const TOP = 8;
const AXIS_H = 22;

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

export function speedupDescription(f: SpeedupFigures): string {
  const many = f.workers !== undefined ? `${f.workers} workers` : "the parallel run";
  return `Speedup ${f.speedup} against one worker, required ${f.required}: one worker ${ms(f.oneWorkerMs)}, ${many} ${ms(f.workersMs)}; ${f.passed ? "met" : "not met"}.`;
}

export function SpeedupChart({ figures: f, title }: { figures: SpeedupFigures; title: string }) {
  const target = targetMs(f);
  const max = Math.max(f.oneWorkerMs, f.workersMs, target, 1e-9);
  const plotW = WIDTH - LABEL_W - RIGHT;
  const w = (v: number) => (v / max) * plotW;
  const manyLabel = f.workers !== undefined ? `${f.workers} workers` : "parallel";
  const bars = [
    { label: "1 worker", value: f.oneWorkerMs, fill: "#64748b" },
    { label: manyLabel, value: f.workersMs, fill: f.passed ? "#16a34a" : "#dc2626" },
  ];
  const height = TOP + bars.length * (BAR_H + GAP) + AXIS_H;
  const description = speedupDescription(f);
  return (
    <figure className="space-y-1" data-testid="speedup-chart">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-label={description}>
        <title>{description}</title>
        {bars.map((b, i) => {
          const y = TOP + i * (BAR_H + GAP);
          return (
            <g key={b.label}>
              <text x={LABEL_W - 8} y={y + BAR_H / 2 + 4} fontSize={12} textAnchor="end" fill="#334155">
                {b.label}
              </text>
              <rect x={LABEL_W} y={y} width={Math.max(1, w(b.value))} height={BAR_H} fill={b.fill} data-ms={b.value} />
              <text x={LABEL_W + w(b.value) + 6} y={y + BAR_H / 2 + 4} fontSize={12} fill="#0f172a">
                {ms(b.value)}
              </text>
            </g>
          );
        })}
        <line x1={LABEL_W + w(target)} x2={LABEL_W + w(target)} y1={TOP - 4} y2={height - AXIS_H + 2} stroke="#0f172a" strokeDasharray="4 3" />
        <text x={LABEL_W + w(target)} y={height - 6} fontSize={11} textAnchor="middle" fill="#334155">
          {`needed ≤ ${ms(target)}`}
        </text>
      </svg>
      <p className="text-xs text-slate-700">
        {`Speedup ${f.speedup} (required ${f.required}). Shorter is faster; the dashed line is the longest parallel time that meets the requirement.`}
      </p>
      {f.callsMs && <p className="text-xs text-slate-700" data-testid="speedup-calls">{`Each timed call, in order (ms of virtual time): ${f.callsMs}.`}</p>}
      <table className="sr-only">
        <caption>{`${title}: run times`}</caption>
        <tbody>
          <tr>
            <th scope="row">One worker</th>
            <td>{ms(f.oneWorkerMs)}</td>
          </tr>
          <tr>
            <th scope="row">{f.workers !== undefined ? `${f.workers} workers` : "Parallel run"}</th>
            <td>{ms(f.workersMs)}</td>
          </tr>
          <tr>
            <th scope="row">Speedup</th>
            <td>{f.speedup}</td>
          </tr>
          <tr>
            <th scope="row">Required</th>
            <td>{f.required}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
