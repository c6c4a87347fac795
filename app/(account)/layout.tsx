import type { ReactNode } from "react";
import { requireUser } from "../_server/guards";

// Any signed-in user, whatever the role; each page checks again.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
