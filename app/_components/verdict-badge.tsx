// The verdict as a coloured badge with words (colour is never the only signal).
import type { Verdict } from "../../graders/report";

export const VERDICT_LABEL: Record<Verdict, string> = {
  accepted: "Accepted",
  wrong_answer: "Wrong answer",
  compile_error: "Compile error",
  runtime_error: "Runtime error",
  time_limit_exceeded: "Time limit exceeded",
  memory_limit_exceeded: "Memory limit exceeded",
  output_limit_exceeded: "Output limit exceeded",
  blocked_event_loop: "Blocked event loop",
  insufficient_concurrency: "Insufficient concurrency",
  insufficient_speedup: "Insufficient speedup",
  deadlock: "Deadlock",
  race_condition: "Race condition",
  resource_limit: "Resource limit",
  internal_error: "Internal error",
};

export function verdictLabel(verdict: string | null | undefined): string {
  if (!verdict) return "—";
  return VERDICT_LABEL[verdict as Verdict] ?? verdict;
}

export function VerdictBadge({ verdict }: { verdict: string | null | undefined }) {
  const style =
    verdict === "accepted"
      ? "bg-emerald-100 text-emerald-900 border-emerald-300"
      : verdict === "internal_error"
        ? "bg-slate-100 text-slate-800 border-slate-300"
        : "bg-red-50 text-red-900 border-red-300";
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${style}`}>{verdictLabel(verdict)}</span>;
}
