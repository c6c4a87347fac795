// DB-backed sessions. The cookie carries a random 256-bit token; the database keeps only its SHA-256,
// so a leaked database (or backup) cannot be replayed as a cookie.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import type { SessionUser } from "./session-user";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env.SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The user behind a cookie token, or null when the token is unknown, expired, or the user disabled. */
export async function resolveSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  // findFirst: Prisma batches concurrent findUnique calls into one IN (...) query, which passed SQLite's
  // 999-parameter limit in a burst of 1,000 authenticated requests.
  const session = await db.session.findFirst({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!session || session.user.disabled) return null;
  if (session.expiresAt <= new Date()) {
    await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    return null;
  }
  const { disabled: _disabled, ...user } = session.user;
  return user;
}

export async function revokeSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
