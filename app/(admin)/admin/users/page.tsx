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
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Joined</th>
              <th scope="col" className="px-4 py-2">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {users.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <td className="px-4 py-2 font-medium">{u.name}</td>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{u.role}</td>
                <td className="px-4 py-2">{u.disabled ? <span className="text-red-800">disabled</span> : "active"}</td>
                <td className="px-4 py-2">{u.createdAt.toISOString().slice(0, 10)}</td>
                <td className="px-4 py-2">
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
