-- AlterTable
ALTER TABLE "ProblemVersion" ADD COLUMN "validation" JSONB;

