-- Invitations before the account exists: candidateId becomes optional, the invited email and the invite
-- token's hash are stored. Data-preserving (SQLite redefines the table to relax NOT NULL).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "candidateId" TEXT,
    "candidateEmail" TEXT NOT NULL DEFAULT '',
    "inviteTokenHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "timeLimitMinutes" INTEGER NOT NULL,
    "deadline" DATETIME,
    "startedAt" DATETIME,
    "submittedAt" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assessment_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("candidateId", "createdAt", "deadline", "id", "interviewerId", "notes", "startedAt", "status", "submittedAt", "timeLimitMinutes", "title") SELECT "candidateId", "createdAt", "deadline", "id", "interviewerId", "notes", "startedAt", "status", "submittedAt", "timeLimitMinutes", "title" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE UNIQUE INDEX "Assessment_inviteTokenHash_key" ON "Assessment"("inviteTokenHash");
CREATE INDEX "Assessment_interviewerId_status_idx" ON "Assessment"("interviewerId", "status");
CREATE INDEX "Assessment_candidateId_status_idx" ON "Assessment"("candidateId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing assessments: their candidate's email, so lookups by email find them too.
UPDATE "Assessment" SET "candidateEmail" = (SELECT lower("email") FROM "User" WHERE "User"."id" = "Assessment"."candidateId") WHERE "candidateId" IS NOT NULL;
