// Idempotent seed: the demo accounts and every package under problems/. Run by scripts/setup.mjs
// (npm install) and scripts/start.mjs; by hand: `npm run db:seed`.
import path from "node:path";
import { scriptClient } from "./seed/client";
import { seedDemoUsers } from "./seed/demo-users";
import { syncProblems } from "./seed/problem-sync";
import { databaseFile } from "./database-url";

async function main() {
  const db = scriptClient();
  try {
    const created = await seedDemoUsers(db);
    const outcomes = await syncProblems(db, path.resolve("problems"));
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    for (const o of outcomes) {
      if (o.status === "skipped") console.warn(`seed: warning: skipped problems/${o.slug}: ${o.reason}`);
      else if (o.status !== "unchanged") console.log(`seed: problem ${o.slug} ${o.status} (version ${o.version})`);
    }
    console.log(
      `seed: ${databaseFile()}: ${created.length} demo users created, problems: ${count("created")} new, ${count("updated")} updated, ` +
        `${count("unchanged")} unchanged, ${count("skipped")} skipped`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${(e as Error).message}`);
  process.exit(1);
});
