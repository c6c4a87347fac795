const DIFFICULTY_STYLE: Record<string, string> = {
  easy: "bg-emerald-100 text-emerald-800",
  medium: "bg-amber-100 text-amber-800",
  hard: "bg-rose-100 text-rose-800",
};

export function ProblemBadges({ track, difficulty }: { track: string; difficulty: string }) {
  return (
    <span className="flex flex-wrap gap-2 text-xs">
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{track}</span>
      <span className={`rounded px-1.5 py-0.5 ${DIFFICULTY_STYLE[difficulty] ?? "bg-slate-100 text-slate-700"}`}>{difficulty}</span>
    </span>
  );
}
