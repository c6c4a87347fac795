// Picks the dispatch mode from the configuration: BullMQ when REDIS_URL is set, else embedded.
import { createGraderPool, type GraderPool } from "../../../graders/index";
import { BullmqDispatcher } from "./bullmq-dispatcher";
import type { Dispatcher, DispatchObserver } from "./dispatcher";
import { EmbeddedDispatcher } from "./embedded-dispatcher";
import type { GradingConfig } from "./grading-config";
import type { Db } from "./submission-store";

export interface DispatcherHandle {
  dispatcher: Dispatcher;
  /** The embedded mode's own grader pool (none in BullMQ mode: graders run in `npm run grader`). */
  pool?: GraderPool;
  /** Stops the dispatcher, then its pool. */
  close(): Promise<void>;
}

export function createDispatcher(db: Db, config: GradingConfig, observe?: DispatchObserver): DispatcherHandle {
  if (config.REDIS_URL) {
    const dispatcher = new BullmqDispatcher({
      db,
      redisUrl: config.REDIS_URL,
      queueName: config.GRADER_QUEUE,
      reconcileMs: config.GRADING_RECONCILE_MS,
      reconcileGraceMs: config.GRADING_RECONCILE_GRACE_MS,
      observe,
    });
    return { dispatcher, close: () => dispatcher.close() };
  }
  const pool = createGraderPool({ size: config.GRADER_PROCESSES });
  const dispatcher = new EmbeddedDispatcher({
    db,
    grader: pool,
    concurrency: pool.size,
    leaseMs: config.GRADING_LEASE_MS,
    maxAttempts: config.GRADING_MAX_ATTEMPTS,
    pollMs: config.GRADING_POLL_MS,
    observe,
  });
  return {
    dispatcher,
    pool,
    close: async () => {
      await dispatcher.close();
      await pool.close();
    },
  };
}
