import type { CheckContext } from "../../graders/problem-package";
import type { CheckOutcome } from "../../graders/report";

interface PhilosopherReport {
  philosopher: number;
  meals: number;
  calls: number;
  violations: number;
  first?: string;
}
interface Observed {
  n: number;
  reports: PhilosopherReport[];
  schedule: string;
}

export function check(ctx: CheckContext): CheckOutcome[] {
  const v = ctx.value as Observed;
  return [forksCheck(v), mealsCheck(v)];
}

function forksCheck(v: Observed): CheckOutcome {
  const bad = v.reports.filter((r) => r.violations > 0);
  const total = bad.reduce((n, r) => n + r.violations, 0);
  const passed = total === 0;
  const message = passed
    ? "no fork was ever held by two philosophers, and every meal was eaten holding both forks, in the order pick, eat, put"
    : `${bad[0].first} (${total} violation${total === 1 ? "" : "s"} in all, ${v.schedule})`;
  return { check: "forks", passed, verdict: "wrong_answer", message, figures: { violations: total } };
}

function mealsCheck(v: Observed): CheckOutcome {
  const short = v.reports.filter((r) => r.meals !== v.n);
  const passed = short.length === 0 && v.reports.length === 5;
  const message = passed
    ? `all five philosophers ate all their ${v.n} meals`
    : `philosopher ${short[0]?.philosopher} ate ${short[0]?.meals} of ${v.n} meals`;
  return { check: "meals", passed, verdict: "wrong_answer", message, figures: { hungry: short.length } };
}
