import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or heavy server-side modules: loaded by Node at run time, never bundled.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "typescript", "esbuild", "koffi"],
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // esbuild's native binary is not JavaScript: Turbopack's trace of the external package fails on it
  // (vercel/next.js#83630). Only grader code loads esbuild at run time, from node_modules directly.
  outputFileTracingExcludes: { "*": ["node_modules/esbuild/bin/**", "node_modules/@esbuild/**"] },
  // `npm test` type-checks the whole project (tsc --noEmit); a type error in tests/ or bench/ must not
  // stop `npm start` from serving, so the build does not repeat that check.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
