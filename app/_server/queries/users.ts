import "server-only";
import { db } from "../db";

/** Never selects passwordHash. */
export function listUsers() {
  return db.user.findMany({
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}
