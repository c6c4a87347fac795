// A unified line diff of two code texts: removed lines marked "-" on red, added "+" on green, with both
// line numbers. The marks are text, not only colour, so the diff reads the same to a screen reader.
import { diffLines, diffStats } from "./line-diff";

const ROW_STYLE = { same: "", removed: "bg-red-950/60 text-red-100", added: "bg-emerald-950/60 text-emerald-100" } as const;
const SIGN = { same: " ", removed: "-", added: "+" } as const;
const SR_WORD = { same: "", removed: "removed: ", added: "added: " } as const;

export function CodeDiff({ before, after, caption }: { before: string; after: string; caption: string }) {
  const lines = diffLines(before, after);
  const { added, removed } = diffStats(lines);
  return (
    <figure className="space-y-2" data-testid="code-diff">
      <figcaption className="text-sm text-slate-700">
        {caption}: <span data-testid="diff-stats">{`${removed} line${removed === 1 ? "" : "s"} removed, ${added} added`}</span>
        {removed === 0 && added === 0 && " (the code is identical)"}
      </figcaption>
      <div className="overflow-x-auto rounded bg-slate-900 font-mono text-sm text-slate-100" tabIndex={0} role="group" aria-label="Diff, scrolls sideways">
        <table className="w-full border-collapse">
          <thead className="sr-only">
            <tr>
              <th scope="col">Line before</th>
              <th scope="col">Line after</th>
              <th scope="col">Change and code</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i} className={ROW_STYLE[l.kind]} data-diff={l.kind}>
                <td className="w-10 select-none px-2 text-right align-top text-slate-400">{"a" in l ? l.a : ""}</td>
                <td className="w-10 select-none px-2 text-right align-top text-slate-400">{"b" in l ? l.b : ""}</td>
                <td className="whitespace-pre px-2">
                  <span aria-hidden="true" className="select-none">{SIGN[l.kind]} </span>
                  <span className="sr-only">{SR_WORD[l.kind]}</span>
                  {l.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
