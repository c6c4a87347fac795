// The three demo accounts named in the README. Created once; an existing account is left as it is
// (its password or role may have been changed on purpose).
import type { PrismaClient, Role } from "../../generated/prisma/client";
import { hashPassword } from "../../app/_server/auth/password";

export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "candidate@example.com", name: "Casey Candidate", role: "candidate" },
  { email: "interviewer@example.com", name: "Ivy Interviewer", role: "interviewer" },
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
];

/** Returns the emails it created. */
export async function seedDemoUsers(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({ data: { ...user, passwordHash: await hashPassword(DEMO_PASSWORD) } });
    created.push(user.email);
  }
  return created;
}
