// Password hashing: bcrypt (pure JS bcryptjs; @node-rs/argon2 is not installed). Cost 10 is about 70 ms here.
// No "server-only" import: the seed (plain Node) hashes the demo passwords with the same function.
import { compare, hash } from "bcryptjs";

const COST = 10;

/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const MAX_PASSWORD_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return compare(password, passwordHash);
}

// A valid hash of a random string, compared against when the email is unknown so that a wrong email
// costs as long as a wrong password (no account enumeration by timing).
const DUMMY_HASH = "$2b$10$BN6VgJXX.MHtq2.RM9EjWOHeUBRzGfNyqen92Yx8CcRUHCe.9MORW";

export async function burnPasswordCheck(password: string): Promise<false> {
  await compare(password, DUMMY_HASH);
  return false;
}
