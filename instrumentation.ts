// Next.js calls register() once when the server starts. Grading starts here rather than on the first
// request to /api/submissions, so submissions a previous run left queued or running are picked up as
// soon as the app is back, and the first candidate does not wait for the grader processes to spawn.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startGrading } = await import("./app/_server/grading/grading-service");
  // A failed start (Redis unreachable) is logged by the service and retried on the next use.
  await startGrading().catch(() => undefined);
}
