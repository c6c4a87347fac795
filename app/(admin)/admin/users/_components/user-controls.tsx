"use client";
// One account's role and enabled state, changed through PATCH /api/admin/users/:id. The server refuses an
// admin's change to their own account; the controls say so up front.
import { useRouter } from "next/navigation";
import { useState } from "react";

interface Props {
  id: string;
  name: string;
  role: string;
  disabled: boolean;
  self: boolean;
  roles: readonly string[];
}

export function UserControls({ id, name, role, disabled, self, roles }: Props) {
  const router = useRouter();
  const [newRole, setNewRole] = useState(role);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function patch(change: { role?: string; disabled?: boolean }, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/admin/users/${encodeURIComponent(id)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
      const body = (await res.json()) as { error?: string };
      if (!res.ok) setMessage({ error: true, text: body.error ?? `Failed (${res.status}).` });
      else {
        setMessage({ error: false, text: done });
        router.refresh();
      }
    } catch {
      setMessage({ error: true, text: "The server did not answer; try again." });
    } finally {
      setBusy(false);
    }
  }

  if (self) return <span className="text-xs text-slate-600">Your own account: another admin can change it.</span>;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`role-${id}`} className="sr-only">
          Role of {name}
        </label>
        <select id={`role-${id}`} value={newRole} onChange={(e) => setNewRole(e.target.value)} className="rounded border border-slate-300 px-1.5 py-1 text-xs">
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <button type="button" disabled={busy || newRole === role} onClick={() => void patch({ role: newRole }, `Role changed to ${newRole}.`)} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50">
          Change role<span className="sr-only"> of {name}</span>
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void patch({ disabled: !disabled }, disabled ? "Enabled: they can sign in again." : "Disabled: signed out everywhere, API tokens stopped.")}
          className={`rounded border px-2 py-1 text-xs disabled:opacity-50 ${disabled ? "border-slate-300 hover:bg-slate-100" : "border-red-300 text-red-800 hover:bg-red-50"}`}
        >
          {disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {name}</span>
        </button>
      </div>
      <p role={message?.error ? "alert" : "status"} className={`text-xs ${message?.error ? "text-red-700" : "text-slate-600"}`}>
        {message?.text}
      </p>
    </div>
  );
}
