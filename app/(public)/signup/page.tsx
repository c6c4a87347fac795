import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "../../_components/auth-form";
import { MIN_PASSWORD_LENGTH } from "../../_server/auth/credentials";
import { currentUser } from "../../_server/guards";
import { isLocalPath } from "../../_server/local-path";
import { ROLE_HOME } from "../../_server/permissions";

export const metadata: Metadata = { title: "Sign up" };

const ERRORS: Record<string, string> = {
  exists: "An account with this email already exists. Sign in instead.",
  input: `Enter your name, a valid email address and a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
};

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error, next } = await searchParams;
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  // An invited candidate arrives here from sign-in with the invite in `next`: keep it through sign-up.
  const nextPath = typeof next === "string" && isLocalPath(next) ? next : undefined;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">Create a candidate account</h1>
      <AuthForm
        endpoint="/api/auth/signup"
        submitLabel="Create account"
        next={nextPath}
        initialError={typeof error === "string" ? ERRORS[error] : undefined}
        fields={[
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: `At least ${MIN_PASSWORD_LENGTH} characters.` },
        ]}
      />
      <p className="text-sm text-slate-700">
        Already have an account?{" "}
        <Link href={nextPath ? `/signin?next=${encodeURIComponent(nextPath)}` : "/signin"} className="underline">
          Sign in
        </Link>
        .
      </p>
    </div>
  );
}
