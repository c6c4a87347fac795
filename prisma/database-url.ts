// The one rule for where the database lives, shared by the Prisma CLI, the seed and the app.
// DATABASE_URL ("file:<path>", relative to the working directory) overrides data/app.db.
import path from "node:path";

export const DEFAULT_DATABASE_FILE = path.join("data", "app.db");

/** Absolute file path of the SQLite database. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return path.resolve(DEFAULT_DATABASE_FILE);
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url.split(":")[0]}:..."`);
  return path.resolve(url.slice("file:".length));
}

/** URL for the better-sqlite3 adapter. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `file:${databaseFile(env)}`;
}
