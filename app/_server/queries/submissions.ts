// A candidate's own submissions: the history of one problem and one result. Every read is scoped by
// userId in the WHERE clause, so another user's id finds nothing (the page answers 404, not 403).
import "server-only";
import { z } from "zod";
import { db } from "../db";

export function listOwnSubmissions(userId: string, problemSlug: string) {
  return db.submission.findMany({
    where: { userId, problem: { slug: problemSlug } },
    select: { id: true, kind: true, status: true, verdict: true, score: true, createdAt: true, problemVersion: { select: { version: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

export function getOwnSubmission(userId: string, id: string) {
  return db.submission.findFirst({
    where: { id, userId },
    select: {
      id: true, kind: true, status: true, verdict: true, score: true, report: true, code: true, createdAt: true, finishedAt: true,
      problem: { select: { slug: true, title: true } }, problemVersion: { select: { version: true } },
    },
  });
}

export const submissionPairSchema = z.object({
  a: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  b: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
});

/**
 * Two of this user's submissions of one problem, for the code diff. Null unless both ids are the user's
 * and of that problem: someone else's id answers the same as one that does not exist.
 */
export async function getOwnSubmissionPair(userId: string, problemSlug: string, ids: { a: string; b: string }) {
  const rows = await db.submission.findMany({
    where: { id: { in: [ids.a, ids.b] }, userId, problem: { slug: problemSlug } },
    select: { id: true, kind: true, status: true, verdict: true, score: true, code: true, createdAt: true, problemVersion: { select: { version: true } } },
  });
  const a = rows.find((r) => r.id === ids.a);
  const b = rows.find((r) => r.id === ids.b);
  return a && b ? { a, b } : null;
}
