"use client";
// For an assessment the candidate has not started: a fresh invite link (the previous one stops working).
import { useState } from "react";
import { InviteLink } from "../../_components/invite-link";

export function NewInviteLink({ assessmentId }: { assessmentId: string }) {
  const [url, setUrl] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function make() {
    setPending(true);
    setError("");
    try {
      const response = await fetch(`/api/assessments/${encodeURIComponent(assessmentId)}/invite`, { method: "POST" });
      const data = (await response.json().catch(() => ({}))) as { invitePath?: string; error?: string };
      if (response.ok && data.invitePath) setUrl(new URL(data.invitePath, window.location.origin).toString());
      else setError(data.error ?? `Request failed (${response.status}). Please try again.`);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invitation
      </h2>
      <p className="text-sm text-slate-700">The candidate has not started yet. Lost the link? Make a new one; the previous link then stops working.</p>
      {url ? (
        <InviteLink url={url} />
      ) : (
        <button type="button" onClick={() => void make()} disabled={pending} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
          {pending ? "Making a new link…" : "Make a new invite link"}
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
