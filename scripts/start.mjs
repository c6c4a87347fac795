// `npm start`: bring the database up to date (migrations + idempotent seed), build the app when .next is
// missing or older than its sources, then serve it with `next start` on $PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, buildGraders, childEnv, migrateDeploy, prismaGenerate, seed } from "./setup.mjs";

const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const BUILD_INPUTS = ["app", "public", "graders", "generated", "instrumentation.ts", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildIsStale() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

function nextBuild() {
  const started = Date.now();
  const r = spawnSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit", env: childEnv() });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  console.log(`start: next build done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Two starts at once (npm start beside npm test's HTTP tests) must not both write .next: the first
// takes the lock and builds, the other waits and then finds the build fresh.
// In the temp directory (not the checkout, so git never sees it), one lock per checkout.
const BUILD_LOCK = path.join(tmpdir(), `concurrency-dojo-build-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`);
const STALE_LOCK_MS = 15 * 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function buildIfStale() {
  for (;;) {
    if (!buildIsStale()) return console.log("start: .next is up to date");
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      if (Date.now() - statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else sleep(2000);
      continue;
    }
    try {
      if (buildIsStale()) nextBuild();
      return;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

function serve() {
  const port = process.env.PORT || "3000";
  const child = spawn(process.execPath, [NEXT, "start", "-p", port], { cwd: ROOT, stdio: "inherit", env: childEnv() });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  const client = path.join(ROOT, "generated", "prisma", "client.ts");
  if (newestMtime(client) < newestMtime(path.join(ROOT, "prisma", "schema.prisma"))) prismaGenerate();
  migrateDeploy();
  seed();
  if (!existsSync(path.join(ROOT, "dist"))) buildGraders();
  buildIfStale();
  serve();
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(1);
}
