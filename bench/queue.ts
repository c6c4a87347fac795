/**
 * npm run bench -- queue [--count 1000] [--users 50] [--processes 1,2] [--mode embedded|bullmq]
 *
 * A hiring-event burst through the whole grading pipeline: `count` submissions posted at once (all
 * submit() calls concurrent) by `users` candidates, half correct and half wrong, against the small queue
 * fixture problem, on a fresh SQLite file. For each number of grader processes: throughput (submissions
 * per second from the first post to the last verdict), p50/p95 time to verdict (createdAt -> finishedAt),
 * and the checks that matter: every submission graded, none lost, none graded into two results.
 * embedded: the app's dispatcher and a pool of N grader processes. bullmq: Redis at REDIS_URL
 * (default redis://127.0.0.1:6379) and N `npm run grader` processes with one grader process each.
 * The per-user limit is raised to count/users for the burst (the default 5 would answer most with 429).
 * Not a test: figures depend on the machine and its load.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import IORedis from "ioredis";
import { BullmqDispatcher } from "../app/_server/grading/bullmq-dispatcher";
import type { Dispatcher, DispatchEvent } from "../app/_server/grading/dispatcher";
import { EmbeddedDispatcher } from "../app/_server/grading/embedded-dispatcher";
import { submit } from "../app/_server/grading/submit";
import { createGraderPool, loadPackage, type GraderPool } from "../graders/index";
import type { PrismaClient } from "../generated/prisma/client";
import { scriptClient } from "../prisma/seed/client";
import { syncPackage } from "../prisma/seed/problem-sync";
import { summarize } from "./stats";

const ROOT = path.resolve(__dirname, "..");
const PACKAGE_DIR = path.join(ROOT, "tests", "fixtures", "queue", "packages", "add");

interface Args {
  count: number;
  users: number;
  processes: number[];
  mode: "embedded" | "bullmq";
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1000, users: 50, processes: [1, 2], mode: "embedded" };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === "--count") (args.count = Number(value)), i++;
    else if (argv[i] === "--users") (args.users = Number(value)), i++;
    else if (argv[i] === "--processes") (args.processes = value.split(",").map(Number)), i++;
    else if (argv[i] === "--mode") (args.mode = value === "bullmq" ? "bullmq" : "embedded"), i++;
  }
  return args;
}

function freshDatabase(): { url: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "queue-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed: ${r.stderr || r.stdout}`);
  return { url, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Running {
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

function startEmbedded(db: PrismaClient, processes: number, observe: (e: DispatchEvent) => void): Running {
  const pool: GraderPool = createGraderPool({ size: processes });
  const dispatcher = new EmbeddedDispatcher({ db, grader: pool, concurrency: processes, leaseMs: 30_000, maxAttempts: 3, pollMs: 500, observe });
  return {
    dispatcher,
    stop: async () => {
      await dispatcher.close();
      await dispatcher.idle();
      await pool.close();
    },
  };
}

function startBullmq(db: PrismaClient, processes: number, observe: (e: DispatchEvent) => void): Running {
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const queueName = `bench-${process.pid}-${Date.now().toString(36)}`;
  const dispatcher = new BullmqDispatcher({ db, redisUrl, queueName, reconcileMs: 15_000, reconcileGraceMs: 5_000, observe });
  const workers: ChildProcess[] = Array.from({ length: processes }, () =>
    spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grader-worker.ts"], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: redisUrl, GRADER_QUEUE: queueName, GRADER_PROCESSES: "1" },
      stdio: "ignore",
    }),
  );
  return {
    dispatcher,
    stop: async () => {
      await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : (w.once("exit", resolve), w.kill("SIGTERM"))))));
      await dispatcher.close();
      const redis = new IORedis(redisUrl);
      for (const pattern of [`bull:${queueName}:*`, `bull:${queueName}-results:*`]) {
        const keys = await redis.keys(pattern);
        if (keys.length) await redis.del(...keys);
      }
      redis.disconnect();
    },
  };
}

async function leg(args: Args, processes: number): Promise<string> {
  const database = freshDatabase();
  const db = scriptClient(database.url);
  try {
    const pkg = loadPackage(PACKAGE_DIR);
    await syncPackage(db, pkg);
    const users: string[] = [];
    for (let i = 0; i < args.users; i++) users.push((await db.user.create({ data: { email: `u${i}@bench`, name: `u${i}`, passwordHash: "-" } })).id);
    const accepted = new Map<string, number>();
    let refused = 0;
    const observe = (e: DispatchEvent) => {
      if (e.type !== "result") return;
      if (e.accepted) accepted.set(e.submissionId, (accepted.get(e.submissionId) ?? 0) + 1);
      else refused++;
    };
    const running = args.mode === "bullmq" ? startBullmq(db, processes, observe) : startEmbedded(db, processes, observe);
    await running.dispatcher.start();
    const config = { GRADING_MAX_CODE_BYTES: 64 * 1024, GRADING_MAX_ACTIVE_PER_USER: Math.ceil(args.count / args.users), GRADING_RETRY_AFTER_SECONDS: 5 };
    const codes = [pkg.solutions["reference.ts"], pkg.wrong["subtracts.ts"].source];
    const posted = await Promise.allSettled(
      Array.from({ length: args.count }, (_, i) => submit({ userId: users[i % args.users], problemSlug: pkg.config.slug, code: codes[i % 2] }, { db, dispatcher: running.dispatcher, config })),
    );
    const refusedPosts = posted.filter((p) => p.status === "rejected").length;
    for (;;) {
      const open = await db.submission.count({ where: { status: { in: ["queued", "running"] } } });
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await running.stop();
    const rows = await db.submission.findMany({ select: { id: true, createdAt: true, finishedAt: true, verdict: true, attempts: true } });
    const first = Math.min(...rows.map((r) => r.createdAt.getTime()));
    const last = Math.max(...rows.map((r) => r.finishedAt?.getTime() ?? 0));
    const ttv = summarize(rows.map((r) => (r.finishedAt?.getTime() ?? NaN) - r.createdAt.getTime()));
    const graded = rows.filter((r) => r.verdict !== null).length;
    const duplicated = [...accepted.values()].filter((n) => n > 1).length + refused;
    const lost = args.count - refusedPosts - graded;
    const verdicts = Object.entries(rows.reduce<Record<string, number>>((t, r) => ((t[r.verdict ?? "none"] = (t[r.verdict ?? "none"] ?? 0) + 1), t), {}))
      .map(([v, n]) => `${v} ${n}`)
      .join(", ");
    return [
      `${args.mode}, ${processes} grader process${processes > 1 ? "es" : ""}:`,
      `${(rows.length / ((last - first) / 1000)).toFixed(2)} subs/s,`,
      `time to verdict p50 ${(ttv.p50 / 1000).toFixed(1)} s, p95 ${(ttv.p95 / 1000).toFixed(1)} s;`,
      `posted ${args.count}, refused at post ${refusedPosts}, graded ${graded}, lost ${lost}, graded into two results ${duplicated},`,
      `attempts>1 ${rows.filter((r) => r.attempts > 1).length}; verdicts: ${verdicts}`,
    ].join(" ");
  } finally {
    await db.$disconnect();
    database.remove();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`queue bench: ${args.count} submissions from ${args.users} users posted at once, mode ${args.mode}, node ${process.version}`);
  for (const processes of args.processes) console.log(await leg(args, processes));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
