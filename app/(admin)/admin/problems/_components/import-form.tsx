"use client";
// Import a package bundle (the JSON that "Export" downloads): pick the file or paste its text. A new slug
// becomes a new unpublished problem; an existing slug gets a new version.
import Link from "next/link";
import { useState } from "react";

type Result = { kind: "ok"; slug: string; status: string; version: number } | { kind: "error"; message: string; fieldErrors?: Record<string, string[]> };

export function ImportForm() {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function readFile(file: File | undefined) {
    if (file) setText(await file.text());
  }

  async function submit() {
    setResult(null);
    let bundle: unknown;
    try {
      bundle = JSON.parse(text);
    } catch (e) {
      setResult({ kind: "error", message: `The bundle is not valid JSON: ${(e as Error).message}` });
      return;
    }
    setBusy(true);
    try {
      const res = await fetch("/api/admin/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(bundle) });
      const body = (await res.json()) as { slug?: string; status?: string; version?: number; error?: string; fieldErrors?: Record<string, string[]> };
      if (res.ok && body.slug) setResult({ kind: "ok", slug: body.slug, status: body.status ?? "", version: body.version ?? 0 });
      else setResult({ kind: "error", message: body.error ?? `Import failed (${res.status}).`, fieldErrors: body.fieldErrors });
    } catch {
      setResult({ kind: "error", message: "The server did not answer; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      aria-label="Import a problem package"
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="space-y-1">
        <label htmlFor="bundle-file" className="block text-sm font-medium">
          Bundle file (.json)
        </label>
        <input id="bundle-file" type="file" accept="application/json,.json" onChange={(e) => void readFile(e.target.files?.[0])} className="text-sm" />
      </div>
      <div className="space-y-1">
        <label htmlFor="bundle-text" className="block text-sm font-medium">
          Bundle (JSON)
        </label>
        <textarea id="bundle-text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="h-72 w-full rounded border border-slate-300 p-2 font-mono text-xs" placeholder='{ "format": "concurrency-dojo-package", "files": { "problem.json": "...", ... } }' />
      </div>
      <button type="submit" disabled={busy || text.trim() === ""} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {busy ? "Importing…" : "Import"}
      </button>
      <div role={result?.kind === "error" ? "alert" : "status"}>
        {result?.kind === "ok" && (
          <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            {result.status === "created" ? "Created" : result.status === "unchanged" ? "Unchanged:" : "Updated to"} <strong>{result.slug}</strong> version {result.version}.{" "}
            <Link href={`/admin/problems/${result.slug}/edit`} className="underline">
              Open it
            </Link>
          </p>
        )}
        {result?.kind === "error" && (
          <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">{result.message}</p>
            {result.fieldErrors && (
              <ul className="mt-2 list-disc pl-5">
                {Object.entries(result.fieldErrors).map(([k, v]) => (
                  <li key={k}>
                    <code>{k}</code>: {v.join(" ")}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
