"use client";
// An invite link shown once, with a Copy button (a manual copy from the selected field when the clipboard
// is not available).
import { useState } from "react";

export function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or plain http): select the link for a manual copy.
      (document.getElementById("invite-link") as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor="invite-link" className="block text-sm font-medium">
        Invite link
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="invite-link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        <button type="button" onClick={() => void copy()} className="rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Copy link
        </button>
      </div>
      <p role="status" className="text-sm text-emerald-900">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}
