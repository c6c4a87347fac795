"use client";
// Shown when rendering fails. Production builds pass only a digest here, never the message or stack.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-700">The page could not be shown. Please try again.</p>
      {error.digest && <p className="font-mono text-xs text-slate-500">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
        Try again
      </button>
    </div>
  );
}
