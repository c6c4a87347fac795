// Embedded mode: the app leases queued submissions from the database and grades them on its own grader
// pool, at most `concurrency` at a time. A lease is renewed while the grade runs; if the app dies, the
// lease expires and the next dispatcher (after a restart, or another app process) queues it again.
import type { Dispatcher, DispatchObserver, Grader } from "./dispatcher";
import { nextQueuedSubmission } from "./fair-pick";
import { gradingPackage } from "./grading-package";
import { claim, markFailed, recoverExpiredLeases, renewLease, writeResult, type Claim, type Db } from "./submission-store";

export interface EmbeddedDispatcherOptions {
  db: Db;
  grader: Grader;
  /** Submissions graded at once (the pool's size: more would only wait inside the pool, lease ticking). */
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  pollMs: number;
  observe?: DispatchObserver;
}

export class EmbeddedDispatcher implements Dispatcher {
  readonly mode = "embedded" as const;
  private readonly inFlight = new Set<Promise<void>>();
  private pumping = false;
  private pumpAgain = false;
  private closed = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: EmbeddedDispatcherOptions) {}

  async start(): Promise<void> {
    await this.recover();
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
    void this.pump();
  }

  async enqueue(): Promise<void> {
    void this.pump();
  }

  /** Stops claiming; results of grades already running are still written (the caller closes the pool). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
  }

  /** Resolves when nothing is being graded by this dispatcher (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async tick(): Promise<void> {
    try {
      await this.recover();
      await this.pump();
    } catch (e) {
      console.error("grading dispatcher: poll failed:", e);
    }
  }

  private async recover(): Promise<void> {
    const { requeued, failed } = await recoverExpiredLeases(this.options.db, this.options.maxAttempts);
    if (requeued + failed > 0) this.options.observe?.({ type: "requeued", submissionId: "*", reason: `${requeued} expired leases requeued, ${failed} failed` });
  }

  /** Claims work until every slot is busy or the queue is empty. One pump at a time; a call during a pump reruns it. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (!this.closed && this.inFlight.size < this.options.concurrency) {
          const lease = await this.claimNext();
          if (!lease) break;
          const job = this.grade(lease).finally(() => {
            this.inFlight.delete(job);
            void this.pump();
          });
          this.inFlight.add(job);
        }
      } while (this.pumpAgain && !this.closed);
    } catch (e) {
      console.error("grading dispatcher: claim failed:", e);
    } finally {
      this.pumping = false;
    }
  }

  private async claimNext(): Promise<Claim | null> {
    // Another dispatcher may win the compare-and-set between pick and claim: pick again.
    for (let tries = 0; tries < 5; tries++) {
      const id = await nextQueuedSubmission(this.options.db);
      if (!id) return null;
      const lease = await claim(this.options.db, id, this.options.leaseMs);
      if (lease) {
        this.options.observe?.({ type: "claimed", submissionId: id, attempt: lease.attempt });
        return lease;
      }
    }
    return null;
  }

  private async grade(lease: Claim): Promise<void> {
    const { db, leaseMs } = this.options;
    const renew = setInterval(() => {
      void renewLease(db, lease, leaseMs).catch(() => {});
    }, Math.max(50, Math.floor(leaseMs / 3)));
    try {
      const row = await db.submission.findUniqueOrThrow({
        where: { id: lease.submissionId },
        select: { code: true, kind: true, problemVersion: { select: { package: true } } },
      });
      let pkg;
      try {
        pkg = gradingPackage(row.problemVersion.package, row.kind);
      } catch (e) {
        await markFailed(db, lease.submissionId, `the problem package cannot be graded: ${(e as Error).message}`, lease.leaseId);
        this.options.observe?.({ type: "failed", submissionId: lease.submissionId, reason: "bad package" });
        return;
      }
      const report = await this.options.grader.grade(pkg, row.code);
      const accepted = await writeResult(db, lease.submissionId, lease.leaseId, report);
      this.options.observe?.({ type: "result", submissionId: lease.submissionId, verdict: report.verdict, accepted });
    } catch (e) {
      // The pool closed under us, or the database failed: leave the lease to expire, the work is redone.
      console.error(`grading dispatcher: grading ${lease.submissionId} failed:`, e);
    } finally {
      clearInterval(renew);
    }
  }
}
