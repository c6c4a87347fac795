// The environment the server reads, checked once by zod so a bad value stops the start with a clear message.
import "server-only";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** SQLite file URL; prisma/database-url.ts resolves it (default data/app.db). */
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL must be a SQLite file: URL").optional(),
  /** Days a sign-in lasts. */
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

export const env = parsed.data;
