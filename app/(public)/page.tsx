import Link from "next/link";
import { currentUser } from "../_server/guards";
import { ROLE_HOME } from "../_server/permissions";

export default async function LandingPage() {
  const user = await currentUser();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Practise concurrency in TypeScript</h1>
      <p className="max-w-2xl text-lg text-slate-700">
        Solve problems about promises, the event loop, worker threads and shared memory. Your code runs in a sandbox with a virtual clock,
        so the verdict says whether it is correct, concurrent and non-blocking — not how busy the server was.
      </p>
      {user ? (
        <Link href={ROLE_HOME[user.role]} className="inline-block rounded bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
          Continue as {user.name}
        </Link>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className="rounded bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
            Create a candidate account
          </Link>
          <Link href="/signin" className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            Sign in
          </Link>
        </div>
      )}
    </div>
  );
}
