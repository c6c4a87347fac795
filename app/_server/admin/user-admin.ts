// An admin changes another account's role or disables/enables it. Sessions and API tokens are resolved
// against the user row on every request (app/_server/auth/sessions.ts, api-tokens.ts), so both changes
// take effect on the user's very next request; disabling also ends their sessions outright.
import "server-only";
import { z } from "zod";
import { ROLES } from "../permissions";
import { db } from "../db";

export const userChangeSchema = z
  .object({
    role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}.` }).optional(),
    disabled: z.boolean({ error: "disabled must be true or false." }).optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Change the role, the disabled flag, or both.", path: ["form"] });
export type UserChange = z.infer<typeof userChangeSchema>;

export type UserChangeOutcome =
  | { ok: true; user: { id: string; email: string; role: string; disabled: boolean } }
  | { ok: false; status: 404 | 409; code: string; error: string };

export async function changeUser(actorId: string, userId: string, change: UserChange): Promise<UserChangeOutcome> {
  // Self-demotion or self-disabling could leave the platform with no admin, and no way back in the browser.
  if (actorId === userId && (change.disabled === true || (change.role !== undefined && change.role !== "admin"))) {
    return { ok: false, status: 409, code: "SELF_CHANGE", error: "You cannot disable or demote your own account. Ask another admin." };
  }
  const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) return { ok: false, status: 404, code: "NOT_FOUND", error: "No such user." };
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { ...(change.role !== undefined ? { role: change.role } : {}), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}) },
      select: { id: true, email: true, role: true, disabled: true },
    });
    if (change.disabled) await tx.session.deleteMany({ where: { userId } });
    return updated;
  });
  return { ok: true, user };
}
