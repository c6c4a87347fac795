// The header: who is signed in, with which role, and the links that role can use. The links are a
// convenience; every page checks access itself (app/_server/guards.ts).
import Link from "next/link";
import { currentUser } from "../_server/guards";
import { can, ROLE_HOME } from "../_server/permissions";
import type { Permission } from "../_server/permissions";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/problems", label: "Problems", permission: "problems:read" },
  { href: "/assessments", label: "My assessments", permission: "submissions:create" },
  { href: "/review", label: "Review", permission: "reviews:read" },
  { href: "/interviews", label: "Assessments", permission: "assessments:manage" },
  { href: "/admin/problems", label: "Manage problems", permission: "problems:manage" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
];

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? ROLE_HOME[user.role] : "/"} className="font-semibold tracking-tight">
          Concurrency Dojo
        </Link>
        {user && (
          <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
            {NAV.filter((item) => can(user.role, item.permission)).map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-700 hover:text-slate-950 hover:underline">
                {item.label}
              </Link>
            ))}
            <Link href="/account/tokens" className="text-slate-700 hover:text-slate-950 hover:underline">
              API tokens
            </Link>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span>
                <span className="font-medium">{user.name}</span>{" "}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" aria-label={`role: ${user.role}`}>
                  {user.role}
                </span>
              </span>
              <form action="/api/auth/signout" method="post">
                <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className="hover:underline">
                Sign in
              </Link>
              <Link href="/signup" className="rounded bg-slate-900 px-2 py-1 text-white hover:bg-slate-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
