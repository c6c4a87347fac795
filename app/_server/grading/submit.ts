// A submission enters the pipeline here: validated, bounded (size, per-user active limit), STORED as
// queued against the problem's current version, and only then handed to the dispatcher. If the hand-off
// fails (Redis down, app dying) the stored row is still there and the dispatcher's recovery finds it.
import { z } from "zod";
import { assessmentVersionForSubmission } from "../assessments/assessment-submission";
import { can } from "../permissions";
import type { Dispatcher } from "./dispatcher";
import { GradingError } from "./grading-error";
import type { GradingConfig } from "./grading-config";
import { insertUnderLimit, type NewSubmission } from "./store-submission";
import type { Db } from "./submission-store";

export interface SubmitContext {
  db: Db;
  dispatcher: Dispatcher;
  config: Pick<GradingConfig, "GRADING_MAX_CODE_BYTES" | "GRADING_MAX_ACTIVE_PER_USER" | "GRADING_RETRY_AFTER_SECONDS">;
}

const submitSchema = z.object({
  userId: z.string().min(1),
  problemSlug: z.string().trim().min(1, "Name the problem.").max(100),
  code: z.string({ error: "Send the code as a string." }).min(1, "The code is empty."),
  kind: z.enum(["run", "submit"]).default("submit"),
  /** Same key twice from one user -> the same submission (a retried POST does not grade twice). */
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** Inside an assessment: graded against the version it pinned, refused once it is closed. */
  assessmentId: z.string().min(1).max(100).optional(),
});
export type SubmitInput = z.input<typeof submitSchema>;

export interface Submitted {
  id: string;
  /** False when the idempotency key matched an earlier submission. */
  created: boolean;
}

export async function submit(input: SubmitInput, ctx: SubmitContext): Promise<Submitted> {
  const parsed = submitSchema.safeParse(input);
  if (!parsed.success) {
    throw new GradingError("INVALID_SUBMISSION", "The submission is not valid.", { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  }
  const { userId, problemSlug, code, kind } = parsed.data;
  const limit = ctx.config.GRADING_MAX_CODE_BYTES;
  const size = Buffer.byteLength(code, "utf8");
  if (size > limit) throw new GradingError("CODE_TOO_LARGE", `The code is ${size} bytes; the limit is ${limit} bytes (${formatKiB(limit)}).`);

  // findFirst, not findUnique: Prisma batches concurrent findUnique calls into one IN (...) query, and a burst
  // of posts then passes SQLite's 999 bound parameters (P2029). Measured with 1,000 concurrent submits.
  const user = await ctx.db.user.findFirst({ where: { id: userId }, select: { role: true, disabled: true } });
  if (!user || user.disabled) throw new GradingError("USER_NOT_FOUND", "Sign in first.");
  const problem = await ctx.db.problem.findFirst({ where: { slug: problemSlug }, select: { id: true, published: true, currentVersion: true } });
  const { assessmentId } = parsed.data;
  // An assessment's problem stays open to its candidate even if it is unpublished meanwhile.
  if (!problem || (!problem.published && !assessmentId && !can(user.role, "problems:preview"))) {
    throw new GradingError("PROBLEM_NOT_FOUND", `There is no problem "${problemSlug}".`);
  }
  const version = assessmentId
    ? { id: await assessmentVersionForSubmission(ctx.db, { userId, assessmentId, problemId: problem.id }) }
    : await ctx.db.problemVersion.findFirst({ where: { problemId: problem.id, version: problem.currentVersion }, select: { id: true } });
  if (!version) throw new GradingError("PROBLEM_NOT_FOUND", `Problem "${problemSlug}" has no gradable version.`);

  const idempotencyKey = parsed.data.idempotencyKey ? `${userId}:${parsed.data.idempotencyKey}` : undefined;
  const stored = await store(ctx, { userId, problemId: problem.id, problemVersionId: version.id, kind, code, idempotencyKey, assessmentId });

  if (stored.created) {
    try {
      await ctx.dispatcher.enqueue(stored.id);
    } catch (e) {
      // Stored is what counts: the dispatcher's recovery (poll or reconciler) enqueues it later.
      console.error(`grading: enqueue of ${stored.id} failed, left for recovery:`, e);
    }
  }
  return stored;
}

async function store(ctx: SubmitContext, s: NewSubmission): Promise<Submitted> {
  if (s.idempotencyKey) {
    const earlier = await ctx.db.submission.findFirst({ where: { idempotencyKey: s.idempotencyKey }, select: { id: true } });
    if (earlier) return { id: earlier.id, created: false };
  }
  let id: string | null;
  try {
    id = await insertUnderLimit(ctx.db, s, ctx.config.GRADING_MAX_ACTIVE_PER_USER);
  } catch (e) {
    // The same idempotency key posted twice at once: the unique index let one in; answer with that one.
    const earlier = s.idempotencyKey ? await ctx.db.submission.findFirst({ where: { idempotencyKey: s.idempotencyKey }, select: { id: true } }) : null;
    if (earlier) return { id: earlier.id, created: false };
    throw e;
  }
  if (id) return { id, created: true };
  const active = await ctx.db.submission.count({ where: { userId: s.userId, status: { in: ["queued", "running"] } } });
  throw new GradingError(
    "TOO_MANY_ACTIVE_SUBMISSIONS",
    `You have ${active} submissions waiting or being graded; the limit is ${ctx.config.GRADING_MAX_ACTIVE_PER_USER}. Try again when one has finished.`,
    { retryAfterSeconds: ctx.config.GRADING_RETRY_AFTER_SECONDS },
  );
}

function formatKiB(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
