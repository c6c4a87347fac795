import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "../../../../_server/guards";
import { ImportForm } from "../_components/import-form";

export const metadata: Metadata = { title: "Import a problem" };

export default async function ImportProblemPage() {
  await requirePermission("problems:manage");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/problems" className="text-blue-700 underline">
            ← Manage problems
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Import a problem</h1>
        <p className="text-sm text-slate-600">
          A bundle is what &quot;Export&quot; downloads: <code>{'{ "files": { "problem.json": "…", "statement.md": "…", "solutions/reference.ts": "…" } }'}</code>,
          each value the text of that file in <code>problems/&lt;slug&gt;/</code>. A new slug creates an unpublished problem; an existing one gets a new version.
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
