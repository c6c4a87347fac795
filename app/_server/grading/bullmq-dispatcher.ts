// BullMQ mode: submissions become jobs in Redis (job id = submission id, so never twice in the queue),
// graded by `npm run grader` workers on any machine. Workers do not touch the database: they send
// "started"/"finished" messages back through a results queue that this dispatcher applies, so graders
// need only REDIS_URL (SQLite is a local file, not something remote machines can share safely).
//
// Fairness: BullMQ OSS has no per-group round robin, so a job's priority is its rank among its user's
// unfinished submissions (1 = the user's oldest). Every user's first job runs before anyone's second,
// then every second before any third; FIFO within a rank. With the per-user limit the ranks stay small.
import { Queue, Worker, type Job } from "bullmq";
import type IORedis from "ioredis";
import type { Dispatcher, DispatchObserver } from "./dispatcher";
import { gradingPackage } from "./grading-package";
import { GRADE_JOB, resultsQueueName, type GradeJobData, type ResultMessage } from "./job-protocol";
import { reconcile, type ReconcileOutcome } from "./reconciler";
import { redisConnection } from "./redis-connection";
import { applyResultMessage } from "./result-messages";
import { markFailed, type Db } from "./submission-store";

export interface BullmqDispatcherOptions {
  db: Db;
  redisUrl: string;
  queueName: string;
  reconcileMs: number;
  reconcileGraceMs: number;
  observe?: DispatchObserver;
}

/** Processing errors (Redis hiccups) are retried; a worker that dies is handled by BullMQ's stalled-job check. */
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1_000 },
  // Kept for a while so the reconciler can tell "completed, result on its way" from "lost".
  removeOnComplete: { age: 3_600 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

export class BullmqDispatcher implements Dispatcher {
  readonly mode = "bullmq" as const;
  private readonly connections: IORedis[] = [];
  private queue?: Queue<GradeJobData>;
  /** Only to see whether result messages are still waiting (the Worker below consumes them). */
  private resultsQueue?: Queue<ResultMessage>;
  private results?: Worker<ResultMessage>;
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<ReconcileOutcome>;

  constructor(private readonly options: BullmqDispatcherOptions) {}

  async start(): Promise<void> {
    const { db, queueName, observe } = this.options;
    this.queue = new Queue<GradeJobData>(queueName, { connection: this.connection() });
    this.resultsQueue = new Queue<ResultMessage>(resultsQueueName(queueName), { connection: this.connection() });
    // One at a time: "started" and "finished" of one attempt must be applied in the order they were sent.
    this.results = new Worker<ResultMessage>(resultsQueueName(queueName), async (job: Job<ResultMessage>) => {
      await applyResultMessage(db, job.data, observe);
    }, { connection: this.connection(), concurrency: 1 });
    this.results.on("error", (e) => console.error("grading results consumer:", e.message));
    await this.reconcileNow();
    this.timer = setInterval(() => void this.reconcileNow().catch((e) => console.error("grading reconciler:", e)), this.options.reconcileMs);
    this.timer.unref();
  }

  async enqueue(submissionId: string): Promise<void> {
    await this.addJob(submissionId, false);
  }

  /** One reconciliation pass (also run on start and every reconcileMs); concurrent calls share it. */
  reconcileNow(): Promise<ReconcileOutcome> {
    const resultsWaiting = async () => {
      const counts = await this.requireResultsQueue().getJobCounts("waiting", "active", "delayed");
      return counts.waiting + counts.active + counts.delayed;
    };
    this.reconciling ??= reconcile(this.options.db, this.requireQueue(), (id, replace) => this.addJob(id, replace), resultsWaiting, this.options.reconcileGraceMs, this.options.observe).finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.reconciling?.catch(() => {});
    await this.results?.close();
    await this.queue?.close();
    await this.resultsQueue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private connection(): IORedis {
    const c = redisConnection(this.options.redisUrl);
    c.on("error", () => {}); // ioredis reconnects by itself; BullMQ reports what matters
    this.connections.push(c);
    return c;
  }

  private requireQueue(): Queue<GradeJobData> {
    if (!this.queue) throw new Error("BullmqDispatcher: start() first");
    return this.queue;
  }

  private requireResultsQueue(): Queue<ResultMessage> {
    if (!this.resultsQueue) throw new Error("BullmqDispatcher: start() first");
    return this.resultsQueue;
  }

  private async addJob(submissionId: string, replace: boolean): Promise<void> {
    const queue = this.requireQueue();
    const { db } = this.options;
    // findFirst: concurrent findUniques are batched into one IN (...) that a burst pushes past SQLite's parameter limit.
    const row = await db.submission.findFirst({
      where: { id: submissionId },
      select: { userId: true, code: true, kind: true, status: true, createdAt: true, problemVersion: { select: { package: true } } },
    });
    if (!row || (row.status !== "queued" && row.status !== "running")) return;
    let pkg;
    try {
      pkg = gradingPackage(row.problemVersion.package, row.kind);
    } catch (e) {
      await markFailed(db, submissionId, `the problem package cannot be graded: ${(e as Error).message}`);
      return;
    }
    const rank = await db.submission.count({ where: { userId: row.userId, status: { in: ["queued", "running"] }, createdAt: { lte: row.createdAt } } });
    if (replace) await (await queue.getJob(submissionId))?.remove();
    await queue.add(GRADE_JOB, { submissionId, pkg, code: row.code }, { ...JOB_OPTIONS, jobId: submissionId, priority: Math.max(1, rank) });
  }
}
