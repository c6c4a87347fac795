// Picks two of the user's submissions to diff. A plain GET form to the diff page: works without JavaScript.
const selectClass = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export type ComparableSubmission = { id: string; kind: "run" | "submit"; verdict: string | null; createdAt: Date };

export function submissionOptionLabel(s: ComparableSubmission): string {
  const when = s.createdAt.toISOString().replace("T", " ").slice(0, 19);
  return `${when} UTC · ${s.kind === "run" ? "Run" : "Submit"}${s.verdict ? ` · ${s.verdict.replace(/_/g, " ")}` : ""}`;
}

export function CompareForm({ slug, submissions, a, b }: { slug: string; submissions: ComparableSubmission[]; a: string; b: string }) {
  return (
    <form method="get" action={`/problems/${slug}/submissions/diff`} aria-labelledby="compare-heading" className="space-y-3 rounded border border-slate-200 bg-white p-3">
      <h2 id="compare-heading" className="font-semibold">
        Compare two submissions
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="compare-a" className="text-sm font-medium">
            From (before)
          </label>
          <select id="compare-a" name="a" defaultValue={a} required className={selectClass}>
            {submissions.map((s) => (
              <option key={s.id} value={s.id}>
                {submissionOptionLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="compare-b" className="text-sm font-medium">
            To (after)
          </label>
          <select id="compare-b" name="b" defaultValue={b} required className={selectClass}>
            {submissions.map((s) => (
              <option key={s.id} value={s.id}>
                {submissionOptionLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
        Show the diff
      </button>
    </form>
  );
}
