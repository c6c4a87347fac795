"use client";
// One line under the editor saying what type checking found, for those who cannot see the underlines,
// with a button that opens CodeMirror's list of the errors (the lint panel, also Ctrl-Shift-M). A live
// region, not role="status": the workspace's submission status stays the page's one status element.
import type { TypeCheckStatus } from "./use-type-checking";

function message(status: TypeCheckStatus): string {
  switch (status.state) {
    case "off":
      return "";
    case "loading":
      return "Loading type checking…";
    case "unavailable":
      return `Type checking is unavailable (${status.reason}). Submit still checks your code.`;
    case "ready":
      if (status.errors === null) return "Type checking against the sandbox runtime…";
      if (status.errors === 0) return "No type errors.";
      return `${status.errors} type error${status.errors === 1 ? "" : "s"}: the grader would reject this code.`;
  }
}

export function TypeCheckStatusLine({ status, onShowErrors }: { status: TypeCheckStatus; onShowErrors(): void }) {
  if (status.state === "off") return null;
  const hasErrors = status.state === "ready" && !!status.errors;
  return (
    <p aria-live="polite" data-testid="type-check-status" className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span className={hasErrors ? "text-red-800" : undefined}>{message(status)}</span>
      {hasErrors && (
        <button type="button" onClick={onShowErrors} className="text-blue-700 underline hover:text-blue-900">
          List them
        </button>
      )}
    </p>
  );
}
