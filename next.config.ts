import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or heavy server-side modules: loaded by Node at run time, never bundled.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "typescript", "esbuild"],
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
