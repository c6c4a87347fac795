// Posts a submission and polls GET /api/submissions/:id until it is done or failed.
export type SubmissionStatus = "queued" | "running" | "done" | "failed";

export interface PolledSubmission {
  id: string;
  kind: "run" | "submit";
  status: SubmissionStatus;
  verdict: string | null;
  score: number | null;
  report: unknown;
}

export class SubmissionRequestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
}

/** `assessment`: the id of the assessment the submission belongs to (the server checks it is open). */
export async function postSubmission(problem: string, code: string, kind: "run" | "submit", assessment?: string): Promise<string> {
  const response = await fetch("/api/submissions", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ problem, code, kind, assessment }),
  });
  const body = await json(response);
  if (!response.ok || typeof body.id !== "string") {
    const retry = response.headers.get("retry-after");
    const message = typeof body.error === "string" ? body.error : `The server answered ${response.status}.`;
    throw new SubmissionRequestError(retry ? `${message} Try again in ${retry} s.` : message, response.status);
  }
  return body.id;
}

export async function fetchSubmission(id: string): Promise<PolledSubmission> {
  const response = await fetch(`/api/submissions/${encodeURIComponent(id)}`, { cache: "no-store" });
  const body = await json(response);
  if (!response.ok) throw new SubmissionRequestError(typeof body.error === "string" ? body.error : `The server answered ${response.status}.`, response.status);
  return body as unknown as PolledSubmission;
}
