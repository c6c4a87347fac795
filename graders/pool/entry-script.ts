/**
 * Where a child process's entry is: the esbuild bundle in dist/ when it is at least as new as the
 * grader sources, else the TypeScript source through tsx (jest, a checkout that was never built).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { GraderError } from "../errors";

export type EntryName = "grader-process" | "compiler-process";

function projectRoot(): string {
  const candidates = [join(__dirname, "..", ".."), join(__dirname, ".."), process.cwd()];
  return candidates.find((dir) => existsSync(join(dir, "graders", "pool", "grader-process.ts")) || existsSync(join(dir, "dist", "grader-process.js"))) ?? process.cwd();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function entryScript(name: EntryName): { script: string; execArgv: string[] } {
  const root = projectRoot();
  const bundle = join(root, "dist", `${name}.js`);
  const source = join(root, "graders", "pool", `${name}.ts`);
  const sourcesExist = existsSync(source);
  if (existsSync(bundle) && (!sourcesExist || statSync(bundle).mtimeMs >= newestMtime(join(root, "graders")))) {
    return { script: bundle, execArgv: [] };
  }
  if (!sourcesExist) throw new GraderError("INTERNAL", `${name} not found: build it with node scripts/build-graders.mjs (${bundle})`);
  return { script: source, execArgv: ["--import", "tsx"] };
}
