import type { ReactNode } from "react";
import { requirePermission } from "../_server/guards";

// Checked here and again in each page: a layout is not re-rendered on every navigation.
export default async function InterviewerLayout({ children }: { children: ReactNode }) {
  await requirePermission("reviews:read");
  return children;
}
