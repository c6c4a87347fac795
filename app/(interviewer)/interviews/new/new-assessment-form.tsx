"use client";
// Creates the assessment through POST /api/assessments and shows the invite link, once: only the token's
// hash is stored, so the link cannot be shown again later.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { InviteLink } from "../../_components/invite-link";

interface ProblemOption {
  slug: string;
  title: string;
  track: string;
  difficulty: string;
}

type Errors = Record<string, string[]>;
type Created = { id: string; invitePath: string; candidateHasAccount: boolean };

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul id={id} className="text-sm text-red-700">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

export function NewAssessmentForm({ problems, maxMinutes }: { problems: ProblemOption[]; maxMinutes: number }) {
  const [error, setError] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<(Created & { url: string }) | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      title: form.get("title"),
      problems: form.getAll("problems"),
      timeLimitMinutes: form.get("timeLimitMinutes"),
      candidateEmail: form.get("candidateEmail"),
    };
    setPending(true);
    setError("");
    setFieldErrors({});
    try {
      const response = await fetch("/api/assessments", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await response.json().catch(() => ({}))) as Partial<Created> & { error?: string; fieldErrors?: Errors };
      if (response.ok && data.id && data.invitePath) {
        setCreated({ id: data.id, invitePath: data.invitePath, candidateHasAccount: !!data.candidateHasAccount, url: new URL(data.invitePath, window.location.origin).toString() });
      } else {
        setError(data.error ?? `Request failed (${response.status}). Please try again.`);
        setFieldErrors(data.fieldErrors ?? {});
      }
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  if (created) {
    return (
      <section aria-labelledby="created-heading" className="space-y-4 rounded border border-emerald-300 bg-emerald-50 p-4">
        <h2 id="created-heading" className="text-lg font-semibold">
          Assessment created
        </h2>
        <p className="text-sm">
          Send this link to the candidate. It is shown only now (a new one can be made on the assessment&apos;s page until the candidate starts).
          {!created.candidateHasAccount && " Nobody has an account with that email yet: the candidate signs up with it, then opens the link."}
        </p>
        <InviteLink url={created.url} />
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/review/${created.id}`} className="text-blue-700 underline">
            Open the assessment
          </Link>
          <Link href="/interviews" className="text-blue-700 underline">
            All assessments
          </Link>
        </p>
      </section>
    );
  }

  const invalid = (name: string) => (fieldErrors[name]?.length ? true : undefined);
  const describedBy = (name: string, hint?: string) => [hint, fieldErrors[name]?.length ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const input = "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid]:border-red-500";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="title" className="block text-sm font-medium">
          Title
        </label>
        <input id="title" name="title" type="text" required maxLength={120} aria-invalid={invalid("title")} aria-describedby={describedBy("title")} className={input} />
        <FieldError id="title-error" messages={fieldErrors.title} />
      </div>
      <fieldset className="space-y-2" aria-describedby={describedBy("problems")}>
        <legend className="text-sm font-medium">Problems</legend>
        {problems.length === 0 && <p className="text-sm text-slate-600">No published problems yet.</p>}
        <div className="grid gap-1 sm:grid-cols-2">
          {problems.map((p) => (
            <label key={p.slug} className="flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-100">
              <input type="checkbox" name="problems" value={p.slug} className="mt-1" />
              <span>
                {p.title} <span className="text-xs text-slate-500">({p.track}, {p.difficulty})</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="problems-error" messages={fieldErrors.problems} />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="timeLimitMinutes" className="block text-sm font-medium">
          Time limit (minutes)
        </label>
        <input
          id="timeLimitMinutes"
          name="timeLimitMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxMinutes}
          defaultValue={60}
          required
          aria-invalid={invalid("timeLimitMinutes")}
          aria-describedby={describedBy("timeLimitMinutes", "timeLimitMinutes-hint")}
          className={`${input} sm:w-40`}
        />
        <p id="timeLimitMinutes-hint" className="text-xs text-slate-600">
          1 to {maxMinutes}. The clock starts when the candidate presses Start.
        </p>
        <FieldError id="timeLimitMinutes-error" messages={fieldErrors.timeLimitMinutes} />
      </div>
      <div className="space-y-1">
        <label htmlFor="candidateEmail" className="block text-sm font-medium">
          Candidate&apos;s email
        </label>
        <input
          id="candidateEmail"
          name="candidateEmail"
          type="email"
          autoComplete="off"
          required
          aria-invalid={invalid("candidateEmail")}
          aria-describedby={describedBy("candidateEmail")}
          className={input}
        />
        <FieldError id="candidateEmail-error" messages={fieldErrors.candidateEmail} />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60 sm:w-auto">
        {pending ? "Creating…" : "Create assessment"}
      </button>
    </form>
  );
}
