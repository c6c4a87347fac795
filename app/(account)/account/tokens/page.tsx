import type { Metadata } from "next";
import { listApiTokens } from "../../../_server/auth/api-tokens";
import { requireUser } from "../../../_server/guards";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(user.id);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600">
          Personal tokens let scripts call the JSON API as you (same role, same access). Revoke one you no longer use; disabling your account stops them all.
        </p>
      </div>
      <TokenManager tokens={tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null }))} />
    </div>
  );
}
