import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700">There is nothing at this address. Check the link, or start again from the home page.</p>
      <Link href="/" className="inline-block underline">
        Go to the start page
      </Link>
    </div>
  );
}
