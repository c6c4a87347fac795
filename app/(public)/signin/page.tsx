import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "../../_components/auth-form";
import { currentUser } from "../../_server/guards";
import { isLocalPath } from "../../_server/local-path";
import { ROLE_HOME } from "../../_server/permissions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  credentials: "Wrong email or password.",
  input: "Enter your email address and password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error, next } = await searchParams;
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const nextPath = typeof next === "string" && isLocalPath(next) ? next : undefined;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <AuthForm
        endpoint="/api/auth/signin"
        submitLabel="Sign in"
        next={nextPath}
        initialError={typeof error === "string" ? ERRORS[error] : undefined}
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="text-sm text-slate-700">
        No account yet?{" "}
        <Link href={nextPath ? `/signup?next=${encodeURIComponent(nextPath)}` : "/signup"} className="underline">
          Sign up as a candidate
        </Link>
        .
      </p>
    </div>
  );
}
