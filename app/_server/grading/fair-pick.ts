// Which queued submission the embedded dispatcher grades next: the oldest queued one of the user who was
// served least recently (never served first, then the oldest last start). One user's flood therefore
// takes turns with everyone else instead of running ahead of them. "Served" = the latest startedAt of any
// of the user's submissions, so the order survives a restart without extra state.
import type { Db } from "./submission-store";

interface Row {
  id: string;
}

export async function nextQueuedSubmission(db: Db): Promise<string | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH waiting AS (
      SELECT "userId", MIN("createdAt") AS "oldest"
      FROM "Submission" WHERE "status" = 'queued' GROUP BY "userId"
    ),
    turn AS (
      SELECT w."userId", w."oldest",
             (SELECT MAX(s."startedAt") FROM "Submission" s WHERE s."userId" = w."userId") AS "lastServed"
      FROM waiting w
      ORDER BY "lastServed" IS NOT NULL, "lastServed", w."oldest"
      LIMIT 1
    )
    SELECT s."id" FROM "Submission" s JOIN turn t ON s."userId" = t."userId"
    WHERE s."status" = 'queued'
    ORDER BY s."createdAt", s."id"
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
