"use client";
// Notes, a 1..5 score per problem and the decision, saved as the assessment's Review through
// POST /api/review/:id. With JavaScript it posts JSON and shows errors in place; without, the browser
// posts the form and the route redirects back here.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

type Errors = Record<string, string[]>;
type Decision = "pending" | "advance" | "reject";

interface Props {
  assessmentId: string;
  problems: { slug: string; title: string }[];
  initial: { notes: string; scores: Record<string, number>; decision: Decision };
  /** From a no-JavaScript round trip (?saved=1 / ?error=...). */
  initialMessage?: { kind: "saved" | "error"; text: string };
}

const DECISIONS: { value: Decision; label: string }[] = [
  { value: "pending", label: "Undecided (save as draft)" },
  { value: "advance", label: "Advance" },
  { value: "reject", label: "Reject" },
];

export function ReviewForm({ assessmentId, problems, initial, initialMessage }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState(initialMessage);
  const [fieldErrors, setFieldErrors] = useState<Errors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scores: Record<string, number> = {};
    for (const p of problems) {
      const v = form.get(`score:${p.slug}`);
      if (typeof v === "string" && v !== "") scores[p.slug] = Number(v);
    }
    setPending(true);
    setMessage(undefined);
    setFieldErrors({});
    try {
      const response = await fetch(`/api/review/${encodeURIComponent(assessmentId)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ notes: form.get("notes") ?? "", decision: form.get("decision"), scores }),
      });
      const data = (await response.json().catch(() => ({}))) as { error?: string; fieldErrors?: Errors };
      if (response.ok) {
        setMessage({ kind: "saved", text: "Review saved." });
        router.refresh();
      } else {
        setMessage({ kind: "error", text: data.error ?? `Request failed (${response.status}). Please try again.` });
        setFieldErrors(data.fieldErrors ?? {});
      }
    } catch {
      setMessage({ kind: "error", text: "Could not reach the server. Check your connection and try again." });
    }
    setPending(false);
  }

  const errorList = (name: string) =>
    fieldErrors[name]?.length ? (
      <ul id={`${name}-error`} className="text-sm text-red-700">
        {fieldErrors[name].map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ) : null;

  return (
    <form action={`/api/review/${assessmentId}`} method="post" onSubmit={onSubmit} className="space-y-5 rounded border border-slate-200 bg-white p-4" aria-labelledby="review-heading">
      <h2 id="review-heading" className="text-lg font-semibold">
        Your review
      </h2>
      <p className="text-sm text-slate-600">Only interviewers and admins see the notes, scores and decision; the candidate never does.</p>
      <fieldset className="space-y-2" aria-describedby={fieldErrors.scores?.length ? "scores-error" : undefined}>
        <legend className="text-sm font-medium">Score per problem (1 = poor, 5 = excellent)</legend>
        {problems.map((p) => (
          <div key={p.slug} className="flex flex-wrap items-center gap-3">
            <label htmlFor={`score-${p.slug}`} className="min-w-48 text-sm">
              {p.title}
            </label>
            <select id={`score-${p.slug}`} name={`score:${p.slug}`} defaultValue={initial.scores[p.slug] ? String(initial.scores[p.slug]) : ""} className="rounded border border-slate-300 bg-white px-2 py-1.5 text-base">
              <option value="">Not scored</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        ))}
        {errorList("scores")}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="notes" className="block text-sm font-medium">
          Notes
        </label>
        <textarea id="notes" name="notes" rows={6} defaultValue={initial.notes} maxLength={20_000} aria-describedby={fieldErrors.notes?.length ? "notes-error" : undefined} className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base" />
        {errorList("notes")}
      </div>
      <fieldset className="space-y-1" aria-describedby={fieldErrors.decision?.length ? "decision-error" : undefined}>
        <legend className="text-sm font-medium">Decision</legend>
        <div className="flex flex-wrap gap-4">
          {DECISIONS.map((d) => (
            <label key={d.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value={d.value} defaultChecked={initial.decision === d.value} />
              {d.label}
            </label>
          ))}
        </div>
        {errorList("decision")}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? "Saving…" : "Save review"}
        </button>
        <span role="status" className="text-sm text-emerald-900">
          {message?.kind === "saved" ? message.text : ""}
        </span>
        {message?.kind === "error" && (
          <span role="alert" className="text-sm text-red-800">
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
