// `npm run grader`: a grader worker for BullMQ mode, on this machine or any other that reaches Redis.
// It takes grading jobs, grades them on its own pool of grader processes (graders' GraderPool) and sends
// "started"/"finished" back through the results queue; the app applies them to its database. It needs
// REDIS_URL and the project checkout (for graders/ and dist/), not the database.
//
//   REDIS_URL=redis://app-host:6379 GRADER_PROCESSES=4 npm run grader
//
// SIGTERM/SIGINT: finishes the jobs it holds, then exits. SIGKILL: its jobs stall and BullMQ hands them
// to another worker after GRADER_LOCK_MS; the app keeps only the result of the attempt it saw start last.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Queue, Worker, type Job } from "bullmq";
import { createGraderPool } from "../graders/index";
import { gradingConfig } from "../app/_server/grading/grading-config";
import { resultsQueueName, type GradeJobData, type ResultMessage } from "../app/_server/grading/job-protocol";
import { redisConnection } from "../app/_server/grading/redis-connection";

const RESULT_OPTIONS = { attempts: 5, backoff: { type: "exponential", delay: 500 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3_600 } } as const;

function main(): void {
  const config = gradingConfig();
  if (!config.REDIS_URL) {
    console.error("grader: set REDIS_URL (e.g. redis://127.0.0.1:6379) to the Redis the app uses");
    process.exit(2);
  }
  const name = `${process.pid}@${hostname()}`;
  const pool = createGraderPool({ size: config.GRADER_PROCESSES });
  const connections = [redisConnection(config.REDIS_URL), redisConnection(config.REDIS_URL)];
  for (const c of connections) c.on("error", () => {}); // reconnects by itself; a Redis restart only pauses us
  const results = new Queue<ResultMessage>(resultsQueueName(config.GRADER_QUEUE), { connection: connections[0] });

  const worker = new Worker<GradeJobData>(
    config.GRADER_QUEUE,
    async (job: Job<GradeJobData>) => {
      const { submissionId, pkg, code } = job.data;
      // A fresh token per attempt: the app keeps the result of the attempt whose "started" it applied last.
      const token = `${name}:${randomUUID()}`;
      await results.add("started", { type: "started", submissionId, token, worker: name }, RESULT_OPTIONS);
      const report = await pool.grade(pkg, code);
      await results.add("finished", { type: "finished", submissionId, token, report }, RESULT_OPTIONS);
      return { verdict: report.verdict };
    },
    {
      connection: connections[1],
      concurrency: pool.size,
      lockDuration: config.GRADER_LOCK_MS,
      stalledInterval: Math.max(1_000, Math.floor(config.GRADER_LOCK_MS / 2)),
      maxStalledCount: 2,
    },
  );
  worker.on("error", (e) => console.error("grader:", e.message));
  worker.on("failed", (job, e) => console.error(`grader: job ${job?.id} failed: ${e.message}`));
  void worker.waitUntilReady().then(() => console.log(`grader: ready (${name}, queue ${config.GRADER_QUEUE}, ${pool.size} grader processes)`));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`grader: ${signal}, finishing current jobs`);
    await worker.close();
    await results.close();
    await pool.close();
    for (const c of connections) c.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main();
