// BullMQ mode against the real Redis (127.0.0.1:6379, a unique queue per run) with real `npm run grader`
// worker processes: jobs flow to workers and results land in the database; fair priorities; a Redis wipe
// or a Redis restart while jobs wait loses nothing; a worker SIGKILLed mid-job still ends in one verdict.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Queue } from "bullmq";
import { BullmqDispatcher } from "../../app/_server/grading/bullmq-dispatcher";
import type { DispatchEvent } from "../../app/_server/grading/dispatcher";
import { submit } from "../../app/_server/grading/submit";
import { startGraderWorker, stopAll, type Child } from "./support/child-processes";
import { allFinished, CORRECT, createQueueDatabase, FIXTURE_SLUG, SLOW_SLUG, WRONG, waitFor, type QueueDatabase } from "./support/queue-database";
import { startPrivateRedis } from "./support/private-redis";
import { REDIS_URL, uniqueQueueName, wipeQueueKeys } from "./support/redis-keys";

// Deadlines, not timing assertions: the machine is shared (load averages near 30 on 2 cores were seen).
const DEADLINE = 600_000;
jest.setTimeout(1_200_000);

const limits = { GRADING_MAX_CODE_BYTES: 64 * 1024, GRADING_MAX_ACTIVE_PER_USER: 50, GRADING_RETRY_AFTER_SECONDS: 5 };

let q: QueueDatabase;
beforeAll(async () => {
  q = await createQueueDatabase(8);
});
afterAll(async () => {
  await q?.close();
});

interface Setup {
  queueName: string;
  dispatcher: BullmqDispatcher;
  events: DispatchEvent[];
  workers: Child[];
  worker(extra?: Record<string, string>): Promise<Child>;
  submitAs(user: number, options?: { code?: string; slug?: string }): Promise<string>;
}

const teardowns: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const t of teardowns.splice(0).reverse()) await t();
});

async function setup(label: string, redisUrl = REDIS_URL): Promise<Setup> {
  const queueName = uniqueQueueName(label);
  const events: DispatchEvent[] = [];
  // Reconciliation is driven by the tests (reconcileNow) so each step is deterministic.
  const dispatcher = new BullmqDispatcher({ db: q.db, redisUrl, queueName, reconcileMs: 3_600_000, reconcileGraceMs: 0, observe: (e) => events.push(e) });
  await dispatcher.start();
  const workers: Child[] = [];
  teardowns.push(async () => {
    await stopAll(workers);
    await dispatcher.close();
    if (redisUrl === REDIS_URL) await wipeQueueKeys(queueName);
  });
  return {
    queueName,
    dispatcher,
    events,
    workers,
    worker: async (extra = {}) => {
      const w = await startGraderWorker({ REDIS_URL: redisUrl, GRADER_QUEUE: queueName, GRADER_PROCESSES: "1", GRADER_LOCK_MS: "2000", ...extra });
      workers.push(w);
      return w;
    },
    submitAs: async (user, options = {}) => {
      const { id } = await submit({ userId: q.users[user], problemSlug: options.slug ?? FIXTURE_SLUG, code: options.code ?? CORRECT }, { db: q.db, dispatcher, config: limits });
      return id;
    },
  };
}

const accepted = (events: DispatchEvent[]) => events.filter((e) => e.type === "result" && e.accepted).map((e) => e.submissionId);
const refused = (events: DispatchEvent[]) => events.filter((e) => e.type === "result" && !e.accepted).map((e) => e.submissionId);

async function jobCount(queueName: string, redisUrl = REDIS_URL): Promise<number> {
  const queue = new Queue(queueName, { connection: { url: redisUrl } });
  try {
    const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed");
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } finally {
    await queue.close();
  }
}

describe("BullMQ mode", () => {
  it("sends jobs to grader-worker processes and writes their results to the database, once each", async () => {
    const s = await setup("flow");
    const ids = [await s.submitAs(0), await s.submitAs(1, { code: WRONG }), await s.submitAs(2), await s.submitAs(0)];
    const worker = await s.worker();
    await waitFor("all graded", () => allFinished(q.db, ids), DEADLINE);
    const rows = await q.db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, attempts: true, leaseId: true, verdict: true, report: true } });
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(row.leaseId).toMatch(new RegExp(`^${worker.pid}@`)); // graded by the worker process, not by us
      expect((row.report as { verdict: string }).verdict).toBe(row.verdict);
    }
    expect(accepted(s.events).sort()).toEqual([...ids].sort());
    expect(refused(s.events)).toEqual([]);
  });

  it("gives each user's oldest job the best priority, so a flood does not run ahead of the others", async () => {
    const s = await setup("fair");
    const flood: string[] = [];
    for (let i = 0; i < 4; i++) flood.push(await s.submitAs(3));
    const other = await s.submitAs(4);
    await s.worker();
    const ids = [...flood, other];
    await waitFor("all graded", () => allFinished(q.db, ids), DEADLINE);
    const rows = await q.db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, startedAt: true }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => r.id)).toEqual([flood[0], other, ...flood.slice(1)]);
  });

  it("loses nothing when Redis loses its jobs while they wait: the reconciler enqueues them again", async () => {
    const s = await setup("wipe");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await s.submitAs(5 + (i % 3)));
    expect(await jobCount(s.queueName)).toBe(5);
    expect(await wipeQueueKeys(s.queueName)).toBeGreaterThan(0);
    expect(await jobCount(s.queueName)).toBe(0);

    const outcome = await s.dispatcher.reconcileNow();
    expect(outcome).toMatchObject({ requeued: 5 });
    expect(await jobCount(s.queueName)).toBe(5);
    expect(await s.dispatcher.reconcileNow()).toMatchObject({ requeued: 0 }); // no duplicates on a second pass
    await s.worker();
    await waitFor("all graded", () => allFinished(q.db, ids), DEADLINE);
    expect(accepted(s.events).sort()).toEqual([...ids].sort());
    expect(await q.db.submission.count({ where: { id: { in: ids }, attempts: 1 } })).toBe(5);
  });

  it("loses nothing when the Redis server restarts while jobs wait (it keeps nothing on disk)", async () => {
    const redis = await startPrivateRedis();
    teardowns.push(() => redis.stop());
    const s = await setup("restart", redis.url);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await s.submitAs(i % 2));
    expect(await jobCount(s.queueName, redis.url)).toBe(4);

    await redis.restart();
    expect(await jobCount(s.queueName, redis.url)).toBe(0);
    // The dispatcher's connections come back by themselves; its periodic pass (driven here) re-enqueues.
    let requeued = 0;
    await waitFor("the reconciler to re-enqueue", async () => {
      requeued += (await s.dispatcher.reconcileNow().catch(() => ({ requeued: 0 }))).requeued;
      return requeued === 4;
    }, DEADLINE, 500);
    await s.worker();
    await waitFor("all graded", () => allFinished(q.db, ids), DEADLINE);
    expect(accepted(s.events).sort()).toEqual([...ids].sort());
    expect(await q.db.submission.count({ where: { id: { in: ids }, attempts: 1 } })).toBe(4);
  });

  it("loses nothing and keeps one verdict when Redis loses its keys while a job is being graded", async () => {
    const s = await setup("wipe-active");
    const slow = await s.submitAs(6, { slug: SLOW_SLUG });
    const waiting = [await s.submitAs(7), await s.submitAs(7)];
    await s.worker();
    await waitFor("the slow job to start", async () => (await q.db.submission.findUniqueOrThrow({ where: { id: slow } })).status === "running", DEADLINE, 20);
    await wipeQueueKeys(s.queueName);
    await s.dispatcher.reconcileNow();
    const ids = [slow, ...waiting];
    await waitFor("all graded", async () => {
      if (await allFinished(q.db, ids)) return true;
      await s.dispatcher.reconcileNow(); // what the periodic reconciler does
      return false;
    }, DEADLINE, 1_000);
    // The interrupted attempt may finish after the wipe or be regraded; either way exactly one result is stored.
    expect(accepted(s.events).sort()).toEqual([...ids].sort());
    const rows = await q.db.submission.findMany({ where: { id: { in: ids } }, select: { verdict: true, report: true } });
    for (const row of rows) expect((row.report as { verdict: string }).verdict).toBe(row.verdict);
  });

  it("applies results that waited in Redis while the app was down, without grading anything again", async () => {
    const s = await setup("app-down");
    const ids = [await s.submitAs(0), await s.submitAs(1)];
    await s.dispatcher.close(); // the app goes down, and its results consumer with it
    await s.worker();
    const queue = new Queue(s.queueName, { connection: { url: REDIS_URL } });
    try {
      await waitFor("the worker to grade both", async () => (await queue.getJobCounts("completed")).completed === 2, DEADLINE, 200);
    } finally {
      await queue.close();
    }
    expect(await allFinished(q.db, ids)).toBe(false); // graded, but nobody has written the results yet

    const events: DispatchEvent[] = [];
    const back = new BullmqDispatcher({ db: q.db, redisUrl: REDIS_URL, queueName: s.queueName, reconcileMs: 3_600_000, reconcileGraceMs: 0, observe: (e) => events.push(e) });
    teardowns.push(() => back.close());
    await back.start(); // reconciles at once, while the result backlog is still being applied
    await waitFor("results applied", () => allFinished(q.db, ids), DEADLINE);
    expect(events.filter((e) => e.type === "requeued")).toEqual([]);
    expect(accepted(events).sort()).toEqual([...ids].sort());
    expect(await q.db.submission.count({ where: { id: { in: ids }, attempts: 1 } })).toBe(2);
  });

  it("gives one verdict when the worker grading a job is SIGKILLed: another worker grades it again", async () => {
    const s = await setup("kill");
    const id = await s.submitAs(1, { slug: SLOW_SLUG });
    const [first, second] = [await s.worker(), await s.worker()];
    await waitFor("a worker to start the job", async () => (await q.db.submission.findUniqueOrThrow({ where: { id } })).status === "running", DEADLINE, 20);
    const holder = (await q.db.submission.findUniqueOrThrow({ where: { id } })).leaseId!;
    const victim = holder.startsWith(`${first.pid}@`) ? first : second;
    const survivor = victim === first ? second : first;
    victim.kill("SIGKILL");
    await victim.exited;
    await waitFor("graded", () => allFinished(q.db, [id]), DEADLINE);
    const row = await q.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row.attempts).toBe(2);
    expect(row.leaseId).toMatch(new RegExp(`^${survivor.pid}@`));
    expect(accepted(s.events)).toEqual([id]);
    expect(row.verdict).toBe((row.report as { verdict: string }).verdict);
  });
});
