// The embedded dispatcher with real grader processes and a real SQLite file: fair order, restart
// recovery (including an app process SIGKILLed mid-grade), a grader process SIGKILLed mid-job, and load.
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import type { DispatchEvent } from "../../app/_server/grading/dispatcher";
import { EmbeddedDispatcher } from "../../app/_server/grading/embedded-dispatcher";
import { createGraderPool, type GraderPool } from "../../graders/index";
import { startEmbeddedApp, stopAll, type Child } from "./support/child-processes";
import { allFinished, createQueueDatabase, SLOW_SLUG, storeQueued, waitFor, type QueueDatabase } from "./support/queue-database";

// Deadlines, not timing assertions: the machine is shared (load averages near 30 on 2 cores were seen).
const DEADLINE = 600_000;
jest.setTimeout(1_200_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function database(users: number): Promise<QueueDatabase> {
  const q = await createQueueDatabase(users);
  cleanups.push(() => q.close());
  return q;
}

function dispatcher(q: QueueDatabase, options: { size: number; leaseMs?: number }) {
  const events: DispatchEvent[] = [];
  const pool: GraderPool = createGraderPool({ size: options.size });
  const d = new EmbeddedDispatcher({
    db: q.db,
    grader: pool,
    concurrency: options.size,
    leaseMs: options.leaseMs ?? 30_000,
    maxAttempts: 3,
    pollMs: 200,
    observe: (e) => events.push(e),
  });
  cleanups.push(async () => {
    await d.close();
    await d.idle();
    await pool.close();
  });
  return { d, pool, events };
}

const claims = (events: DispatchEvent[]) => events.filter((e) => e.type === "claimed").map((e) => e.submissionId);
const results = (events: DispatchEvent[], accepted: boolean) =>
  events.filter((e): e is Extract<DispatchEvent, { type: "result" }> => e.type === "result" && e.accepted === accepted).map((e) => e.submissionId);

describe("embedded dispatcher", () => {
  it("serves users round robin: one user's flood does not run ahead of the others", async () => {
    const q = await database(3);
    const flood = await storeQueued(q, Array.from({ length: 6 }, () => ({ user: 0 })));
    const [b1, c1, b2, c2] = await storeQueued(q, [{ user: 1 }, { user: 2 }, { user: 1 }, { user: 2 }]);
    const { d, events } = dispatcher(q, { size: 1 });
    await d.start();
    const all = [...flood, b1, c1, b2, c2];
    await waitFor("all graded", () => allFinished(q.db, all), DEADLINE);
    expect(claims(events)).toEqual([flood[0], b1, c1, flood[1], b2, c2, ...flood.slice(2)]);
  });

  it("after a restart, finishes submissions left queued and running under an expired lease, and leaves finished ones alone", async () => {
    const q = await database(4);
    const queued = await storeQueued(q, [{ user: 0 }, { user: 1 }, { user: 2 }]);
    const interrupted = await storeQueued(q, [{ user: 3 }, { user: 3 }]);
    const [finished] = await storeQueued(q, [{ user: 0 }]);
    // What an app that died mid-grade leaves behind: running, attempt 1, a lease nobody renews.
    await q.db.submission.updateMany({ where: { id: { in: interrupted } }, data: { status: "running", attempts: 1, leaseId: "dead-app", leaseUntil: new Date(Date.now() - 1_000), startedAt: new Date() } });
    await q.db.submission.update({ where: { id: finished }, data: { status: "done", verdict: "accepted", score: 100, attempts: 1 } });

    const { d, events } = dispatcher(q, { size: 2 });
    await d.start();
    const all = [...queued, ...interrupted];
    await waitFor("all graded", () => allFinished(q.db, all), DEADLINE);
    expect(results(events, true).sort()).toEqual([...all].sort());
    expect(claims(events)).not.toContain(finished);
    const rows = await q.db.submission.findMany({ where: { id: { in: interrupted } }, select: { attempts: true, verdict: true } });
    expect(rows.map((r) => r.attempts)).toEqual([2, 2]);
    expect(rows.every((r) => r.verdict !== null)).toBe(true);
  });

  it("finishes everything when the app process is SIGKILLed while grading (lease expiry hands its work to the next one)", async () => {
    const q = await database(3);
    const ids = await storeQueued(q, [{ user: 0, slug: SLOW_SLUG }, { user: 1, slug: SLOW_SLUG }, { user: 2, slug: SLOW_SLUG }]);
    let app: Child | undefined = await startEmbeddedApp({ DATABASE_URL: q.url, GRADER_PROCESSES: "1", GRADING_LEASE_MS: "1500", GRADING_POLL_MS: "200" });
    cleanups.push(async () => app && (await stopAll([app])));
    await waitFor("the app to start grading", async () => (await q.db.submission.count({ where: { id: { in: ids }, status: "running" } })) > 0, DEADLINE, 20);
    await stopAll([app]);
    app = undefined;
    const orphan = await q.db.submission.findFirstOrThrow({ where: { id: { in: ids }, status: "running" }, select: { id: true, leaseId: true } });

    const { d, events } = dispatcher(q, { size: 1, leaseMs: 1500 });
    await d.start();
    await waitFor("all graded", () => allFinished(q.db, ids), DEADLINE);
    const row = await q.db.submission.findUniqueOrThrow({ where: { id: orphan.id }, select: { attempts: true, leaseId: true, status: true } });
    expect(row.attempts).toBe(2);
    expect(row.leaseId).not.toBe(orphan.leaseId);
    expect(results(events, false)).toEqual([]);
  });

  it("gives one verdict when the grader process is SIGKILLed mid-job (the pool regrades it on a fresh process)", async () => {
    const q = await database(1);
    const [id] = await storeQueued(q, [{ user: 0, slug: SLOW_SLUG }]);
    const { d, pool, events } = dispatcher(q, { size: 1 });
    await d.start();
    await waitFor("a grader process busy with the job", async () => pool.busyPids().length === 1, DEADLINE, 10);
    const [victim] = pool.busyPids();
    process.kill(victim, "SIGKILL");
    await waitFor("graded", () => allFinished(q.db, [id]), DEADLINE);
    expect(pool.pids()).not.toContain(victim);
    expect(results(events, true)).toEqual([id]);
    expect(results(events, false)).toEqual([]);
    const row = await q.db.submission.findUniqueOrThrow({ where: { id }, select: { attempts: true, report: true, verdict: true } });
    expect(row.attempts).toBe(1); // one claim: the retry happened inside the pool, under the same lease
    expect((row.report as { verdict: string }).verdict).toBe(row.verdict);
  });

  it("grades 200 submissions from 20 users, each exactly once", async () => {
    const q = await database(20);
    const ids = await storeQueued(q, Array.from({ length: 200 }, (_, i) => ({ user: i % 20 })));
    const { d, events } = dispatcher(q, { size: 2 });
    await d.start();
    await waitFor("all graded", () => allFinished(q.db, ids), 3_600_000, 500);
    expect(claims(events).sort()).toEqual([...ids].sort());
    expect(results(events, true).sort()).toEqual([...ids].sort());
    expect(results(events, false)).toEqual([]);
    expect(await q.db.submission.count({ where: { id: { in: ids }, attempts: 1, verdict: { not: null } } })).toBe(200);
  }, 4_000_000);
});
