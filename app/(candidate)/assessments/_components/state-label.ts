import type { ClockState } from "../../../_server/assessments/assessment-clock";

export const STATE_LABEL: Record<ClockState, string> = {
  not_started: "Not started",
  open: "In progress",
  deadline_passed: "Handed in (time ran out)",
  handed_in: "Handed in",
};
