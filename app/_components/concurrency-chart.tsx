// Concurrency over a test's virtual time as a step line, with the limit the test held the code to as a
// dashed line. Inline SVG, no hooks, so it renders on the server and in the client; the same figures as a
// table for screen readers.
import { concurrencyIntervals, type ConcurrencySeries } from "./concurrency-data";

const WIDTH = 800;
const HEIGHT = 140;
const LEFT = 40;
const RIGHT = 12;
const TOP = 14;
const BOTTOM = 24;

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

export function concurrencyDescription(series: ConcurrencySeries): string {
  const limit = series.limit ? `; ${series.limit.name} ${series.limit.value}` : "";
  const over = series.limit && series.peak > series.limit.value ? ", above the limit" : "";
  return `Concurrency over ${ms(series.end)} of virtual time: at most ${series.peak} ${series.counting} at once${over}${limit}.`;
}

export function ConcurrencyChart({ series, title }: { series: ConcurrencySeries; title: string }) {
  const top = Math.max(1, series.peak, series.limit?.value ?? 0);
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (t: number) => LEFT + (Math.min(t, series.end) / series.end) * plotW;
  const y = (n: number) => TOP + (1 - n / top) * (HEIGHT - TOP - BOTTOM);
  let d = `M ${x(0)} ${y(0)}`;
  for (const [t, n] of series.steps) d += ` H ${x(t).toFixed(2)} V ${y(n).toFixed(2)}`;
  d += ` H ${x(series.end)}`;
  const description = concurrencyDescription(series);
  const over = series.limit !== undefined && series.peak > series.limit.value;
  const yTicks = top <= 8 ? Array.from({ length: top + 1 }, (_, i) => i) : [0, Math.round(top / 2), top];
  return (
    <figure className="space-y-1" data-testid="concurrency-chart">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${title}: scrolls sideways on narrow screens`}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full min-w-[480px]" role="img" aria-label={description}>
          <title>{description}</title>
          {yTicks.map((n) => (
            <g key={n}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(n)} y2={y(n)} stroke={n === 0 ? "#94a3b8" : "#f1f5f9"} />
              <text x={LEFT - 6} y={y(n) + 4} fontSize={11} textAnchor="end" fill="#475569">
                {n}
              </text>
            </g>
          ))}
          {series.limit && (
            <g data-limit={series.limit.value}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(series.limit.value)} y2={y(series.limit.value)} stroke="#dc2626" strokeDasharray="5 4" strokeWidth={1.5} />
              <text x={WIDTH - RIGHT} y={y(series.limit.value) - 4} fontSize={11} textAnchor="end" fill="#991b1b">
                {`${series.limit.name}: ${series.limit.value}`}
              </text>
            </g>
          )}
          <path d={d} fill="none" stroke={over ? "#dc2626" : "#2563eb"} strokeWidth={2} data-peak={series.peak} />
          <text x={LEFT} y={HEIGHT - 6} fontSize={11} fill="#475569">
            0 ms
          </text>
          <text x={WIDTH - RIGHT} y={HEIGHT - 6} fontSize={11} textAnchor="end" fill="#475569">
            {ms(series.end)}
          </text>
        </svg>
      </div>
      <p className="text-xs text-slate-700">
        {`Peak: ${series.peak} ${series.counting}`}
        {series.limit && ` (${series.limit.name} ${series.limit.value})`}. Blue line: count over time; dashed red line: the limit.
      </p>
      <table className="sr-only">
        <caption>{`${title}: ${series.counting} by time`}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">{series.counting}</th>
          </tr>
        </thead>
        <tbody>
          {concurrencyIntervals(series).map((r, i) => (
            <tr key={i}>
              <td>{ms(r.from)}</td>
              <td>{ms(r.to)}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
