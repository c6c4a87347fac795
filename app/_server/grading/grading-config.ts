// Limits and timings of the grading pipeline, read from the environment once (zod: a bad value stops the
// start with a clear message). No "server-only": the grader worker script reads the same settings.
import { availableParallelism } from "node:os";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

const configSchema = z.object({
  /** Largest accepted source, UTF-8 bytes. */
  GRADING_MAX_CODE_BYTES: positiveInt.default(64 * 1024),
  /** Queued + running submissions one user may have at once. */
  GRADING_MAX_ACTIVE_PER_USER: positiveInt.default(5),
  /** Retry-After sent with a 429, seconds. */
  GRADING_RETRY_AFTER_SECONDS: positiveInt.default(5),
  /** Grader processes of the embedded dispatcher (and of each `npm run grader`). */
  GRADER_PROCESSES: positiveInt.default(Math.max(1, availableParallelism())),
  /** Embedded dispatcher: a claim is valid this long unless renewed (renewed every third of it). */
  GRADING_LEASE_MS: positiveInt.default(30_000),
  /** Claims of one submission before it is marked failed (a submission that keeps killing its grader). */
  GRADING_MAX_ATTEMPTS: positiveInt.default(3),
  /** Embedded dispatcher: how often it looks for work it was not told about (other processes, expired leases). */
  GRADING_POLL_MS: positiveInt.default(1_000),
  /** BullMQ: how often the reconciler compares the database with Redis. */
  GRADING_RECONCILE_MS: positiveInt.default(15_000),
  /** BullMQ: a submission younger than this is not re-enqueued by the reconciler (submit() is enqueuing it). */
  GRADING_RECONCILE_GRACE_MS: positiveInt.default(5_000),
  /** BullMQ queue name (results go to `<name>-results`). */
  GRADER_QUEUE: z.string().regex(/^[A-Za-z0-9_-]+$/).default("grading"),
  /** BullMQ worker lock: a worker that stops renewing it (killed) loses the job after this long. */
  GRADER_LOCK_MS: positiveInt.default(30_000),
  REDIS_URL: z.string().url().optional(),
});

export type GradingConfig = z.infer<typeof configSchema>;

export function gradingConfig(env: NodeJS.ProcessEnv = process.env): GradingConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid grading environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const config = parsed.data;
  // An empty REDIS_URL= means "not set", as in shell scripts.
  return { ...config, REDIS_URL: config.REDIS_URL || undefined };
}
