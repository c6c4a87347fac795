// SVG timeline of one test run: one lane per thread, one bar per macrotask, blocked macrotasks in red,
// instant marks as ticks. No hooks and no browser APIs, so it renders on the server and in the client.
import type { Timeline, TimelineSpan } from "../../graders/report";

const KIND_STYLE: Record<TimelineSpan["kind"], { fill: string; label: string }> = {
  task: { fill: "#64748b", label: "task (macrotask)" },
  blocked: { fill: "#dc2626", label: "blocked (macrotask over the limit)" },
  wait: { fill: "#f59e0b", label: "wait (Atomics.wait)" },
  work: { fill: "#2563eb", label: "work (logical task)" },
  idle: { fill: "#e2e8f0", label: "idle" },
};

const WIDTH = 800;
const LABEL_W = 90;
const LANE_H = 30;
const AXIS_H = 24;
const PAD_R = 12;

function extent(timeline: Timeline): number {
  let end = 0;
  for (const lane of timeline.lanes) for (const s of lane.spans) end = Math.max(end, s.end);
  for (const m of timeline.marks) end = Math.max(end, m.at);
  return end > 0 ? end : 1;
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function ticks(end: number): number[] {
  const raw = end / 5;
  const step = [1, 2, 5].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw) ?? 10 ** Math.ceil(Math.log10(raw));
  const out: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) out.push(t);
  return out;
}

export function TimelineChart({ timeline, title }: { timeline: Timeline; title: string }) {
  const end = extent(timeline);
  const plotW = WIDTH - LABEL_W - PAD_R;
  const x = (t: number) => LABEL_W + (t / end) * plotW;
  const height = timeline.lanes.length * LANE_H + AXIS_H;
  const laneIndex = new Map(timeline.lanes.map((l, i) => [l.id, i]));
  const blocked = timeline.lanes.flatMap((l) => l.spans.filter((s) => s.kind === "blocked").map((s) => ({ lane: l.label, s })));
  const kinds = new Set(timeline.lanes.flatMap((l) => l.spans.map((s) => s.kind)));
  const description =
    `${timeline.lanes.length} thread${timeline.lanes.length === 1 ? "" : "s"} over ${ms(end)} of virtual time. ` +
    (blocked.length === 0
      ? "No blocked macrotask."
      : `${blocked.length} blocked macrotask${blocked.length === 1 ? "" : "s"}: ` +
        blocked.map(({ lane, s }) => `${lane} from ${ms(s.start)} to ${ms(s.end)}`).join("; ") + ".");
  return (
    <figure className="space-y-2" data-testid="timeline">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${title}: timeline, scrolls sideways on narrow screens`}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full min-w-[560px]" role="img" aria-label={`Timeline: ${description}`}>
          {timeline.lanes.map((lane, i) => (
            <g key={lane.id}>
              <text x={4} y={i * LANE_H + LANE_H / 2 + 4} fontSize={12} fill="#334155">
                {lane.label}
              </text>
              <line x1={LABEL_W} x2={WIDTH - PAD_R} y1={i * LANE_H + LANE_H / 2} y2={i * LANE_H + LANE_H / 2} stroke="#e2e8f0" />
              {lane.spans.map((s, j) => (
                <rect
                  key={j}
                  data-kind={s.kind}
                  x={x(s.start)}
                  y={i * LANE_H + 6}
                  width={Math.max(1, x(s.end) - x(s.start))}
                  height={LANE_H - 12}
                  fill={KIND_STYLE[s.kind].fill}
                >
                  <title>{`${s.kind}${s.label ? ` (${s.label})` : ""}: ${ms(s.start)} – ${ms(s.end)}, ${ms(s.end - s.start)}`}</title>
                </rect>
              ))}
            </g>
          ))}
          {timeline.marks.map((m, i) => {
            const lane = laneIndex.get(m.lane) ?? 0;
            return (
              <path key={i} d={`M ${x(m.at)} ${lane * LANE_H + 2} l -4 -0 l 4 6 l 4 -6 z`} fill="#0f172a">
                <title>{`${m.label} at ${ms(m.at)}`}</title>
              </path>
            );
          })}
          <g>
            <line x1={LABEL_W} x2={WIDTH - PAD_R} y1={height - AXIS_H} y2={height - AXIS_H} stroke="#94a3b8" />
            {ticks(end).map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={height - AXIS_H} y2={height - AXIS_H + 4} stroke="#94a3b8" />
                <text x={x(t)} y={height - 6} fontSize={11} textAnchor="middle" fill="#475569">
                  {ms(t)}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {(Object.keys(KIND_STYLE) as TimelineSpan["kind"][])
          .filter((k) => kinds.has(k) || k === "blocked")
          .map((k) => (
            <li key={k} className="flex items-center gap-1" data-legend={k}>
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: KIND_STYLE[k].fill }} />
              {KIND_STYLE[k].label}
            </li>
          ))}
        {timeline.marks.length > 0 && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">▼</span> mark (listed below)
          </li>
        )}
      </ul>
      {blocked.length > 0 && <p className="text-sm text-red-800">{description}</p>}
      {timeline.marks.length > 0 && (
        <details className="text-xs text-slate-700">
          <summary className="cursor-pointer">Marks ({timeline.marks.length})</summary>
          <ul className="mt-1 space-y-0.5">
            {timeline.marks.map((m, i) => (
              <li key={i}>{`${ms(m.at)}: ${m.label} (${timeline.lanes.find((l) => l.id === m.lane)?.label ?? m.lane})`}</li>
            ))}
          </ul>
        </details>
      )}
      {timeline.concurrency && timeline.concurrency.length > 0 && <ConcurrencyChart steps={timeline.concurrency} limits={timeline.limits ?? []} end={end} />}
    </figure>
  );
}

const CONC_H = 90;

/** In-flight count over time as steps, with the problem's limits as dashed lines. */
function ConcurrencyChart({ steps, limits, end }: { steps: [number, number][]; limits: { name: string; value: number }[]; end: number }) {
  const top = Math.max(1, ...steps.map(([, n]) => n), ...limits.map((l) => l.value));
  const plotW = WIDTH - LABEL_W - PAD_R;
  const x = (t: number) => LABEL_W + (Math.min(t, end) / end) * plotW;
  const y = (n: number) => 8 + (1 - n / top) * (CONC_H - 16);
  let d = `M ${x(0)} ${y(0)}`;
  for (const [t, n] of steps) d += ` H ${x(t)} V ${y(n)}`;
  d += ` H ${x(end)}`;
  const peak = Math.max(...steps.map(([, n]) => n));
  const label = `Concurrency over time: peak ${peak} in flight` + (limits.length ? `; ${limits.map((l) => `${l.name} ${l.value}`).join(", ")}` : "") + ".";
  return (
    <svg viewBox={`0 0 ${WIDTH} ${CONC_H}`} className="h-auto w-full min-w-[480px]" role="img" aria-label={label}>
      <text x={4} y={CONC_H / 2} fontSize={12} fill="#334155">
        in flight
      </text>
      <text x={LABEL_W - 6} y={y(top) + 4} fontSize={10} textAnchor="end" fill="#475569">
        {top}
      </text>
      <line x1={LABEL_W} x2={WIDTH - PAD_R} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
      {limits.map((l) => (
        <g key={l.name}>
          <line x1={LABEL_W} x2={WIDTH - PAD_R} y1={y(l.value)} y2={y(l.value)} stroke="#dc2626" strokeDasharray="4 3" />
          <text x={WIDTH - PAD_R} y={y(l.value) - 3} fontSize={10} textAnchor="end" fill="#991b1b">
            {`${l.name}: ${l.value}`}
          </text>
        </g>
      ))}
      <path d={d} fill="none" stroke="#2563eb" strokeWidth={2} />
    </svg>
  );
}
