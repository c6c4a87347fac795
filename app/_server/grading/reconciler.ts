// BullMQ mode keeps jobs in Redis, and Redis on these machines keeps nothing on disk: a restart (or a
// FLUSHDB) loses every waiting job. The database is the source of truth, so the reconciler walks the
// unfinished submissions and compares each with its job (job id = submission id):
//   waiting / prioritized / delayed / active  -> fine
//   missing                                   -> lost: back to queued, enqueued again
//   completed, result not applied after grace -> its result message was lost: graded again (unless result
//                                                messages are still waiting: the app is catching up)
//   failed (BullMQ gave up)                   -> the submission fails with internal_error
import type { Queue } from "bullmq";
import type { DispatchObserver } from "./dispatcher";
import type { GradeJobData } from "./job-protocol";
import { markFailed, requeueLost, type Db } from "./submission-store";

export interface ReconcileOutcome {
  checked: number;
  requeued: number;
  failed: number;
}

const LIVE_STATES = new Set(["waiting", "prioritized", "delayed", "active", "waiting-children"]);
const BATCH = 1_000;

export async function reconcile(
  db: Db,
  queue: Queue<GradeJobData>,
  enqueue: (submissionId: string, replace: boolean) => Promise<void>,
  resultsWaiting: () => Promise<number>,
  graceMs: number,
  observe?: DispatchObserver,
): Promise<ReconcileOutcome> {
  const now = Date.now();
  const pending = await db.submission.findMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(now - graceMs) } },
    select: { id: true, leaseId: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const outcome: ReconcileOutcome = { checked: pending.length, requeued: 0, failed: 0 };
  let backlog: number | undefined;
  for (const { id, leaseId } of pending) {
    const job = await queue.getJob(id);
    const state = job ? await job.getState() : "missing";
    if (LIVE_STATES.has(state)) continue;
    if (state === "failed") {
      if (await markFailed(db, id, `grading failed: ${job?.failedReason ?? "unknown reason"}`)) {
        outcome.failed++;
        observe?.({ type: "failed", submissionId: id, reason: job?.failedReason ?? "failed" });
      }
      continue;
    }
    if (state === "completed") {
      if ((job?.finishedOn ?? 0) > now - graceMs) continue; // its result is on the way
      backlog ??= await resultsWaiting();
      if (backlog > 0) continue; // after an outage of the app: its result is probably in the backlog
    }
    if (await requeueLost(db, id, leaseId)) {
      await enqueue(id, state !== "missing");
      outcome.requeued++;
      observe?.({ type: "requeued", submissionId: id, reason: `job ${state}` });
    }
  }
  return outcome;
}
