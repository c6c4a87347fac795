// Stand-in for the app process in embedded mode (no Next.js needed to test the dispatcher): the real
// dispatcher and grader pool against DATABASE_URL, until it is killed.
import { createDispatcher } from "../../../app/_server/grading/create-dispatcher";
import { gradingConfig } from "../../../app/_server/grading/grading-config";
import { scriptClient } from "../../../prisma/seed/client";

async function main(): Promise<void> {
  const db = scriptClient();
  const { dispatcher } = createDispatcher(db, { ...gradingConfig(), REDIS_URL: undefined });
  await dispatcher.start();
  console.log("embedded app: ready");
}

void main();
