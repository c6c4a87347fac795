// Roles -> permissions: the one table every server-side check reads. No "server-only": pure data,
// also used by tests and by the header to decide which links to show (showing is not checking).
import type { Role } from "../../generated/prisma/enums";

export const ROLES = ["candidate", "interviewer", "admin"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "problems:read": "See published problems and their statements",
  "problems:preview": "See unpublished problems",
  "problems:manage": "Write, validate, import/export, publish and unpublish problems",
  "submissions:create": "Run and submit solutions",
  "reviews:read": "See the review queue and candidates' submissions",
  "reviews:write": "Score and decide on assessments",
  "assessments:manage": "Create assessments for candidates",
  "users:manage": "See and manage user accounts",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  candidate: ["problems:read", "submissions:create"],
  interviewer: ["problems:read", "problems:preview", "reviews:read", "reviews:write", "assessments:manage"],
  admin: ALL,
};

/** Where signing in lands each role. */
export const ROLE_HOME: Record<Role, string> = {
  candidate: "/problems",
  interviewer: "/review",
  admin: "/admin/problems",
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
