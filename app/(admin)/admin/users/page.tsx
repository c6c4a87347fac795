import type { Metadata } from "next";
import { requirePermission } from "../../../_server/guards";
import { ROLES } from "../../../_server/permissions";
import { listUsers } from "../../../_server/queries/users";
import { UserControls } from "./_components/user-controls";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const me = await requirePermission("users:manage");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-600">
          A role change applies from the user&apos;s next request. A disabled account cannot sign in; its sessions end and its API tokens stop working until it is enabled again.
        </p>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">All accounts</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Account</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {users.map((u) => (
              <tr key={u.id} data-email={u.email} className="align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{u.name}</div>
                  <div className="break-all text-slate-700">{u.email}</div>
                  <div className="text-xs text-slate-500">joined {u.createdAt.toISOString().slice(0, 10)}</div>
                </td>
                <td className="px-3 py-2">
                  <div>{u.role}</div>
                  <div className="text-xs">{u.disabled ? <span className="font-medium text-red-800">disabled</span> : <span className="text-slate-600">active</span>}</div>
                </td>
                <td className="px-3 py-2">
                  <UserControls id={u.id} name={u.name} role={u.role} disabled={u.disabled} self={u.id === me.id} roles={ROLES} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
