// A candidate's own submissions: the history of one problem and one result. Every read is scoped by
// userId in the WHERE clause, so another user's id finds nothing (the page answers 404, not 403).
import "server-only";
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
