// Prisma CLI configuration: the JS schema engine over the better-sqlite3 adapter works fully offline
// (the Rust schema engine would be downloaded). See /work/shared/stack-notes.md "Prisma".
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./prisma/database-url";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
