// The app's side of the results queue: each message from a grader worker becomes a compare-and-set on the
// submission (see submission-store.ts). Messages are applied one at a time, in the order workers sent them.
import type { DispatchObserver } from "./dispatcher";
import type { ResultMessage } from "./job-protocol";
import { markStarted, writeResult, type Db } from "./submission-store";

export async function applyResultMessage(db: Db, message: ResultMessage, observe?: DispatchObserver): Promise<boolean> {
  if (message.type === "started") {
    const accepted = await markStarted(db, message.submissionId, message.token);
    if (accepted) observe?.({ type: "claimed", submissionId: message.submissionId, attempt: -1 });
    return accepted;
  }
  const accepted = await writeResult(db, message.submissionId, message.token, message.report);
  observe?.({ type: "result", submissionId: message.submissionId, verdict: message.report.verdict, accepted });
  return accepted;
}
