import type { Role } from "../../../generated/prisma/enums";

/** The columns of the signed-in user that pages and handlers may see (never the password hash). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
