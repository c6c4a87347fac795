// Account rules: who may sign up (candidates only) and when a sign-in succeeds. Input arrives untrusted.
import "server-only";
import { Prisma } from "../../../generated/prisma/client";
import { db } from "../db";
import { fieldErrors, signInSchema, signUpSchema, type FieldErrors } from "./credentials";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

export type AccountResult =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 400 | 401 | 409; error: string; fieldErrors?: FieldErrors };

const publicColumns = { id: true, email: true, name: true, role: true } as const;

export async function registerCandidate(input: unknown): Promise<AccountResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  const { name, email, password } = parsed.data;
  const duplicate: AccountResult = {
    ok: false,
    status: 409,
    error: "An account with this email already exists.",
    fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
  };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return duplicate;
  try {
    const user = await db.user.create({ data: { name, email, role: "candidate", passwordHash: await hashPassword(password) }, select: publicColumns });
    return { ok: true, user };
  } catch (e) {
    // Two sign-ups racing for the same email: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return duplicate;
    throw e;
  }
}

const wrongCredentials = { ok: false, status: 401, error: "Wrong email or password." } as const;

export async function authenticate(input: unknown): Promise<AccountResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { ...publicColumns, passwordHash: true, disabled: true } });
  if (!user) return burnPasswordCheck(password).then(() => wrongCredentials);
  if (!(await verifyPassword(password, user.passwordHash))) return wrongCredentials;
  // Checked after the password so the message does not reveal which emails have (disabled) accounts.
  if (user.disabled) return { ok: false, status: 401, error: "This account is disabled. Ask an administrator." };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
