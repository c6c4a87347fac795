// `npm install`'s postinstall, also reused by scripts/start.mjs: generate the Prisma client, apply the
// migrations to the database (data/app.db unless DATABASE_URL says otherwise), seed it idempotently
// (demo accounts + problems/), bundle the graders. Works offline; safe to run any number of times.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const PRISMA = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

/** Environment for every child: isolated-vm needs --no-node-snapshot; Prisma must not phone home. */
export function childEnv(extra = {}) {
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""}`.includes("--no-node-snapshot")
    ? process.env.NODE_OPTIONS
    : `${process.env.NODE_OPTIONS ?? ""} --no-node-snapshot`.trim();
  return { ...process.env, NODE_OPTIONS: nodeOptions, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...extra };
}

/** Same rule as prisma/database-url.ts (kept in sync by hand: this file runs before TypeScript can). */
export function databaseFile(env = process.env) {
  const url = env.DATABASE_URL?.trim();
  if (!url) return path.resolve(ROOT, "data", "app.db");
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite "file:" URL`);
  return path.resolve(url.slice("file:".length));
}

function step(name, args) {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: childEnv() });
  if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status ?? r.signal})`);
  console.log(`setup: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export const prismaGenerate = () => step("prisma generate", [PRISMA, "generate"]);

export function migrateDeploy() {
  mkdirSync(path.dirname(databaseFile()), { recursive: true });
  step("prisma migrate deploy", [PRISMA, "migrate", "deploy"]);
}

export const seed = () => step("seed", ["--import", "tsx", path.join("prisma", "seed.ts")]);

export const buildGraders = () => step("graders build", [path.join("scripts", "build-graders.mjs")]);

function main() {
  prismaGenerate();
  migrateDeploy();
  seed();
  buildGraders();
  console.log(`setup: ready (database ${path.relative(ROOT, databaseFile()) || databaseFile()}). Next: npm start`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    main();
  } catch (e) {
    console.error(`setup: ${e.message}`);
    process.exit(1);
  }
}
