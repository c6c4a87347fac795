// A fresh SQLite file per test run, migrated with the real migrations (`prisma migrate deploy`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface TempDatabase {
  url: string;
  dir: string;
  remove(): void;
}

export function createTempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "cd-app-test-"));
  const url = `file:${path.join(dir, "app.db")}`;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed: ${r.stderr || r.stdout}`);
  return { url, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
