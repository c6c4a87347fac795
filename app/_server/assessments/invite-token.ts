// Invite links carry a random token; only its SHA-256 is stored, like session cookies, so a copy of the
// database does not hand out working links. The interviewer sees the token once, when it is made.
import { createHash, randomBytes } from "node:crypto";

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitePath(token: string): string {
  return `/assessments/invite/${token}`;
}

/** Tokens we issue are 43 base64url characters; anything else is not looked up at all. */
export function isWellFormedInviteToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
