"use client";
// The problem page's workspace: the editor with the draft kept in localStorage per problem, Run (sample
// tests) and Submit (every test), and the live status polled until the verdict arrives.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { forCandidate } from "./candidate-report";
import { CodeEditor } from "./code-editor";
import { fetchSubmission, postSubmission, SubmissionRequestError, type PolledSubmission } from "./submission-poller";
import { SubmissionResult } from "./submission-result";

const POLL_MS = 500;
const MAX_POLL_FAILURES = 4;

interface Props {
  slug: string;
  starter: string;
  /** Inside an assessment: submissions carry its id, and the draft is kept apart from practice drafts. */
  assessmentId?: string;
}

type Phase = { state: "idle" } | { state: "sending"; kind: "run" | "submit" } | { state: "polling"; submission: PolledSubmission } | { state: "error"; message: string };

const STATUS_TEXT: Record<PolledSubmission["status"], string> = {
  queued: "Queued: waiting for a grader…",
  running: "Running the tests…",
  done: "Graded.",
  failed: "Grading failed.",
};

function draftKey(slug: string, assessmentId?: string): string {
  return assessmentId ? `concurrency-dojo:draft:${slug}:assessment:${assessmentId}` : `concurrency-dojo:draft:${slug}`;
}

export function CodeWorkspace({ slug, starter, assessmentId }: Props) {
  const [code, setCode] = useState(starter);
  const [phase, setPhase] = useState<Phase>({ state: "idle" });
  const restored = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey(slug, assessmentId));
    if (saved !== null) setCode(saved);
    restored.current = true;
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [slug, assessmentId]);

  const onChange = useCallback(
    (value: string) => {
      setCode(value);
      if (restored.current) window.localStorage.setItem(draftKey(slug, assessmentId), value);
    },
    [slug, assessmentId],
  );

  function resetToStarter() {
    window.localStorage.removeItem(draftKey(slug, assessmentId));
    setCode(starter);
  }

  // A dropped request or a restarting server should not end the wait: retry a few times, slower each time.
  async function poll(id: string, failures = 0) {
    try {
      const submission = await fetchSubmission(id);
      setPhase({ state: "polling", submission });
      if (submission.status === "queued" || submission.status === "running") timer.current = setTimeout(() => void poll(id), POLL_MS);
    } catch (e) {
      const status = e instanceof SubmissionRequestError ? e.status : 0;
      if (failures < MAX_POLL_FAILURES && (status === 0 || status >= 500)) {
        timer.current = setTimeout(() => void poll(id, failures + 1), POLL_MS * 2 ** (failures + 1));
        return;
      }
      setPhase({ state: "error", message: `Could not read the submission's status: ${(e as Error).message}` });
    }
  }

  async function send(kind: "run" | "submit") {
    if (timer.current) clearTimeout(timer.current);
    setPhase({ state: "sending", kind });
    try {
      const id = await postSubmission(slug, code, kind, assessmentId);
      await poll(id);
    } catch (e) {
      setPhase({ state: "error", message: (e as Error).message });
    }
  }

  const busy = phase.state === "sending" || (phase.state === "polling" && (phase.submission.status === "queued" || phase.submission.status === "running"));
  const submission = phase.state === "polling" ? phase.submission : null;
  const report = submission && (submission.status === "done" || submission.status === "failed") ? forCandidate(submission.report) : null;

  return (
    <div className="space-y-4">
      <CodeEditor value={code} onChange={onChange} label="Solution code (TypeScript)" />
      <p className="text-xs text-slate-600">Your draft is saved in this browser. In the editor, press Escape then Tab to move on.</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void send("run")}
          disabled={busy}
          className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50"
        >
          Run sample tests
        </button>
        <button
          type="button"
          onClick={() => void send("submit")}
          disabled={busy}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
        >
          Submit
        </button>
        <button
          type="button"
          onClick={resetToStarter}
          disabled={busy}
          className="ml-auto rounded px-3 py-2 text-sm text-slate-700 underline hover:text-slate-950 disabled:opacity-50"
        >
          Reset to starter
        </button>
      </div>
      <div role="status" aria-live="polite" className="text-sm" data-testid="submission-status">
        {phase.state === "sending" && (phase.kind === "run" ? "Sending the run…" : "Sending the submission…")}
        {submission && (
          <span>
            {submission.kind === "run" ? "Run" : "Submission"}: {STATUS_TEXT[submission.status]}{" "}
            <Link href={`/submissions/${submission.id}`} className="text-blue-700 underline">
              Result page
            </Link>
          </span>
        )}
      </div>
      {phase.state === "error" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {phase.message}
        </p>
      )}
      {report && <SubmissionResult report={report} />}
      {submission?.status === "failed" && !report && (
        <p role="alert" className="text-sm text-red-800">
          The grader could not grade this submission. This is not a verdict on your code; please try again.
        </p>
      )}
    </div>
  );
}
