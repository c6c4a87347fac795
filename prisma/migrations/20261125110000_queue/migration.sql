-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "leaseUntil" DATETIME;

-- CreateIndex
CREATE INDEX "Submission_status_userId_createdAt_idx" ON "Submission"("status", "userId", "createdAt");

