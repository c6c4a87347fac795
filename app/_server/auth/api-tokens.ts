// Bearer tokens for the JSON API (scripts, CI). Same rule as sessions: only the SHA-256 is stored.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { hashToken } from "./sessions";
import type { SessionUser } from "./session-user";

const PREFIX = "cdt_";

export async function createApiToken(userId: string, name: string): Promise<string> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { tokenHash: hashToken(token), userId, name } });
  return token;
}

export async function resolveApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  // findFirst: Prisma batches concurrent findUnique calls into one IN (...) query, which passed SQLite's
  // 999-parameter limit in a burst of 1,000 authenticated requests.
  const row = await db.apiToken.findFirst({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const { disabled: _disabled, ...user } = row.user;
  return user;
}

/** A user's own tokens, newest first; never the hash. */
export function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes one of the user's own tokens; false when it is not theirs (or does not exist). */
export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 1) return true;
  return (await db.apiToken.count({ where: { id: tokenId, userId } })) === 1;
}
