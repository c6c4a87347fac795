"use client";
// Create and revoke personal API tokens. A new token's secret is shown once, here, and never again
// (only its SHA-256 is stored).
import { useRouter } from "next/navigation";
import { useState } from "react";

export interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "never");

export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setError("");
    setCreated(null);
    try {
      const res = await fetch("/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
      const body = (await res.json()) as { token?: string; error?: string; fieldErrors?: Record<string, string[]> };
      if (!res.ok || !body.token) {
        setError(body.fieldErrors?.name?.join(" ") ?? body.error ?? `Failed (${res.status}).`);
        return;
      }
      setCreated({ name, token: body.token });
      setName("");
      router.refresh();
    } catch {
      setError("The server did not answer; try again.");
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setBusy(true);
    setError("");
    try {
      const res = await fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
      if (!res.ok) setError(((await res.json()) as { error?: string }).error ?? `Failed (${res.status}).`);
      router.refresh();
    } catch {
      setError("The server did not answer; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <form
        aria-label="New API token"
        className="space-y-2 rounded border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor="token-name" className="block text-sm font-medium">
          Token name
        </label>
        <div className="flex flex-wrap gap-2">
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="e.g. laptop script" aria-describedby={error ? "token-error" : undefined} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5 text-sm" />
          <button type="submit" disabled={busy} className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
            Create token
          </button>
        </div>
        <p id="token-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      </form>

      {created && (
        <div role="status" className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-medium">Token &quot;{created.name}&quot; created. Copy it now: it is not shown again.</p>
          <label htmlFor="new-token" className="block text-xs text-slate-700">
            Your new token
          </label>
          <input id="new-token" readOnly value={created.token} onFocus={(e) => e.target.select()} className="w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" />
          <p className="text-xs text-slate-700">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code>, e.g. <code>curl -H &quot;Authorization: Bearer …&quot; http://localhost:3000/api/me</code>.
          </p>
        </div>
      )}

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Created</th>
              <th scope="col" className="px-4 py-2">Last used</th>
              <th scope="col" className="px-4 py-2">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {tokens.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-3 text-slate-600">
                  No tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="px-4 py-2 font-medium">{t.name}</td>
                <td className="px-4 py-2">{when(t.createdAt)}</td>
                <td className="px-4 py-2">{when(t.lastUsedAt)}</td>
                <td className="px-4 py-2">
                  {t.revokedAt ? (
                    <span className="text-slate-600">revoked {when(t.revokedAt)}</span>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => void revoke(t.id)} className="rounded border border-red-300 px-2 py-1 text-xs text-red-800 hover:bg-red-50 disabled:opacity-50">
                      Revoke<span className="sr-only"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
