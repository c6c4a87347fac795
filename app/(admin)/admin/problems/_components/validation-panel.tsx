"use client";
// "Validate": grades every reference and known-wrong solution of one version in the grader pool and shows,
// per solution, the verdict it must get against the verdicts it got, filled in as each one finishes.
import { useCallback, useEffect, useRef, useState } from "react";
import { verdictLabel } from "../../../../_components/verdict-badge";

interface ValidationCase {
  file: string;
  expected: string;
  got: string[];
  ok: boolean | null;
  why?: string;
}
export interface ValidationView {
  status: "running" | "passed" | "failed" | "error";
  runs: number;
  startedAt: string;
  finishedAt?: string;
  cases: ValidationCase[];
  error?: string;
}

const POLL_MS = 1000;

const STATUS_TEXT: Record<ValidationView["status"], string> = {
  running: "Validating: grading each solution in the grader pool…",
  passed: "Passed: every solution got the verdict it must get.",
  failed: "Failed: some solutions did not get the verdict they must get.",
  error: "The check could not finish.",
};

export function ValidationPanel({ slug, version, initial }: { slug: string; version: number; initial: ValidationView | null }) {
  const [state, setState] = useState<ValidationView | null>(initial);
  const [runs, setRuns] = useState("1");
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const base = `/api/admin/problems/${encodeURIComponent(slug)}/validation`;

  const poll = useCallback(async () => {
    try {
      const res = await fetch(`${base}?version=${version}`, { cache: "no-store" });
      if (res.ok) {
        const body = (await res.json()) as { validation: ValidationView | null };
        setState(body.validation);
        if (body.validation?.status !== "running") return;
      }
    } catch {
      // a dropped poll: try again on the next tick
    }
    timer.current = setTimeout(() => void poll(), POLL_MS);
  }, [base, version]);

  useEffect(() => {
    setState(initial);
    if (initial?.status === "running") timer.current = setTimeout(() => void poll(), POLL_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [initial, poll]);

  async function start() {
    setMessage("");
    if (timer.current) clearTimeout(timer.current);
    try {
      const res = await fetch(base, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ version, runs: Number(runs) }) });
      const body = (await res.json()) as { validation?: ValidationView; started?: boolean; error?: string };
      if (!res.ok || !body.validation) {
        setMessage(body.error ?? `Could not start (${res.status}).`);
        return;
      }
      if (!body.started) setMessage("A check of this version is already running: showing its progress.");
      setState(body.validation);
      timer.current = setTimeout(() => void poll(), POLL_MS);
    } catch {
      setMessage("The server did not answer; try again.");
    }
  }

  const running = state?.status === "running";
  return (
    <section aria-labelledby="validation-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="validation-heading" className="text-lg font-semibold">
        Validate version {version}
      </h2>
      <p className="text-sm text-slate-600">Every reference solution must be accepted and every known-wrong solution must get its tagged verdict, on every run.</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="validation-runs" className="block text-sm font-medium">
            Runs per solution
          </label>
          <select id="validation-runs" value={runs} onChange={(e) => setRuns(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
            {["1", "2", "3", "5"].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void start()} disabled={running} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {running ? "Validating…" : "Validate"}
        </button>
      </div>
      <div role="status" data-testid="validation-status" className="text-sm">
        {message && <p>{message}</p>}
        {state ? (
          <p className={state.status === "passed" ? "text-emerald-800" : state.status === "running" ? "" : "text-red-800"}>
            <span className="font-medium">{STATUS_TEXT[state.status]}</span>{" "}
            <span className="text-slate-600">
              ({state.runs} run{state.runs === 1 ? "" : "s"} each; started {new Date(state.startedAt).toLocaleString()}
              {state.finishedAt ? `, finished ${new Date(state.finishedAt).toLocaleString()}` : ""})
            </span>
            {state.error && <span className="block">{state.error}</span>}
          </p>
        ) : (
          <p className="text-slate-600">Not validated yet.</p>
        )}
      </div>
      {state && state.cases.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="validation-table">
            <caption className="sr-only">Expected and received verdict of each solution</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Solution</th>
                <th scope="col" className="px-3 py-2">Expected</th>
                <th scope="col" className="px-3 py-2">Got</th>
                <th scope="col" className="px-3 py-2">Result</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {state.cases.map((c) => (
                <tr key={c.file} data-file={c.file}>
                  <td className="px-3 py-2 font-mono text-xs">{c.file}</td>
                  <td className="px-3 py-2">{verdictLabel(c.expected)}</td>
                  <td className="px-3 py-2">{c.got.length ? c.got.map(verdictLabel).join(", ") : running ? "grading…" : "—"}</td>
                  <td className="px-3 py-2">
                    {c.ok === null ? (
                      <span className="text-slate-600">pending</span>
                    ) : c.ok ? (
                      <span className="text-emerald-800">OK</span>
                    ) : (
                      <span className="text-red-800">
                        Mismatch{c.why ? <span className="block text-xs">{c.why}</span> : null}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
