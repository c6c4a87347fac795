import type { Metadata } from "next";
import Link from "next/link";
import { DIFFICULTIES, TRACKS } from "../../../../../graders/problem-package";
import { NEW_PROBLEM_TEMPLATE } from "../../../../_server/admin/new-problem-template";
import { requirePermission } from "../../../../_server/guards";
import { ProblemEditor } from "../_components/problem-editor";

export const metadata: Metadata = { title: "New problem" };

export default async function NewProblemPage() {
  await requirePermission("problems:manage");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/problems" className="text-blue-700 underline">
            ← Manage problems
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">New problem</h1>
        <p className="text-sm text-slate-600">
          Starts from a small complete package (a one-function async problem with a generic driver). The problem is created unpublished:
          validate it, then publish it. Or <Link href="/admin/problems/import" className="text-blue-700 underline">import a package</Link>.
        </p>
      </div>
      <ProblemEditor mode="create" initial={NEW_PROBLEM_TEMPLATE} tracks={TRACKS} difficulties={DIFFICULTIES} />
    </div>
  );
}
