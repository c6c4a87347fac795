import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <p className="text-sm font-medium text-slate-500">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-slate-700">Your account's role does not include it. If you think it should, ask an administrator.</p>
      <Link href="/" className="inline-block underline">
        Go to the start page
      </Link>
    </div>
  );
}
