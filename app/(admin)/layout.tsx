import type { ReactNode } from "react";
import { requireRole } from "../_server/guards";

// Checked here and again in each page (with the page's own permission).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole("admin");
  return children;
}
