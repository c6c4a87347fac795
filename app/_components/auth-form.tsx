"use client";
// Sign-in and sign-up form. With JavaScript it posts JSON and shows every field's message in place;
// without, the browser posts the form and the route handler redirects (see app/api/auth/*).
import { useState, type FormEvent } from "react";

export interface AuthField {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
}

interface Props {
  endpoint: "/api/auth/signin" | "/api/auth/signup";
  fields: AuthField[];
  submitLabel: string;
  /** Message from a no-JavaScript round trip (?error=...). */
  initialError?: string;
  next?: string;
}

type Errors = Record<string, string[]>;

export function AuthForm({ endpoint, fields, submitLabel, initialError, next }: Props) {
  const [error, setError] = useState(initialError ?? "");
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    setFieldErrors({});
    const body = Object.fromEntries(new FormData(event.currentTarget).entries());
    try {
      const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await response.json().catch(() => ({}))) as { home?: string; error?: string; fieldErrors?: Errors };
      if (response.ok && data.home) {
        window.location.assign(data.home);
        return;
      }
      setError(data.error ?? `Request failed (${response.status}). Please try again.`);
      setFieldErrors(data.fieldErrors ?? {});
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form action={endpoint} method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {next && <input type="hidden" name="next" value={next} />}
      {fields.map((field) => {
        const messages = fieldErrors[field.name] ?? [];
        const describedBy = [field.hint && `${field.name}-hint`, messages.length && `${field.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field.name} className="space-y-1">
            <label htmlFor={field.name} className="block text-sm font-medium">
              {field.label}
            </label>
            <input
              id={field.name}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              aria-invalid={messages.length > 0 || undefined}
              aria-describedby={describedBy}
              className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid]:border-red-500"
            />
            {field.hint && (
              <p id={`${field.name}-hint`} className="text-xs text-slate-600">
                {field.hint}
              </p>
            )}
            {messages.length > 0 && (
              <ul id={`${field.name}-error`} className="text-sm text-red-700">
                {messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60 sm:w-auto">
        {pending ? "Please wait…" : submitLabel}
      </button>
    </form>
  );
}
