// The real app (`node scripts/start.mjs`, embedded mode) picks up what a previous run left behind as soon
// as it starts (instrumentation.ts), before any request reaches /api/submissions: submissions stored as
// queued, and one left running under a lease that expired when that run died.
import { afterAll, beforeAll, expect, it, jest } from "@jest/globals";
import { scriptClient } from "../../prisma/seed/client";
import { startAppServer, type AppServer } from "../app/support/app-server";
import { createTempDatabase } from "../app/support/temp-database";
import { waitFor } from "./support/queue-database";

jest.setTimeout(15 * 60_000);

const CORRECT = `export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`;

const database = createTempDatabase();
const db = scriptClient(database.url);
let server: AppServer | undefined;

beforeAll(async () => {
  // A first start migrates and seeds the fresh file (demo users, problem packages).
  server = await startAppServer(database.url, 10 * 60_000);
  await server.stop();
  server = undefined;
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
  database.remove();
});

it("grades submissions left queued or running by a previous run without waiting for a request", async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "candidate@example.com" } });
  const problem = await db.problem.findUniqueOrThrow({ where: { slug: "sleep" } });
  const version = await db.problemVersion.findUniqueOrThrow({ where: { problemId_version: { problemId: problem.id, version: problem.currentVersion } } });
  const base = { userId: user.id, problemId: problem.id, problemVersionId: version.id, code: CORRECT };
  const queued = await db.submission.create({ data: base });
  const interrupted = await db.submission.create({
    data: { ...base, status: "running", attempts: 1, leaseId: "the-previous-run", leaseUntil: new Date(Date.now() - 60_000), startedAt: new Date() },
  });
  const ids = [queued.id, interrupted.id];

  server = await startAppServer(database.url, 10 * 60_000);
  await waitFor("both graded", async () => (await db.submission.count({ where: { id: { in: ids }, status: "done" } })) === 2, 10 * 60_000, 250);
  const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: { verdict: true, leaseId: true } });
  expect(rows.map((r) => r.verdict)).toEqual(["accepted", "accepted"]);
  expect(rows.every((r) => r.leaseId !== "the-previous-run")).toBe(true);
});
