/**
 * npm run sandbox -- <file.ts|js|mjs> [--seed N] [--cores N]
 * Runs one module in the candidate runtime and prints its console output as Node would.
 * Exit code: the program's (0 normal end), 1 with a one-line reason on errors and limits.
 */
import { readFileSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { runProgram } from "../graders/sandbox/run-program";
import { hardExit } from "../graders/sandbox/hard-exit";
import { compileSolution } from "../graders/compile";
import { resolveLimits } from "../graders/limits";

function parseArgs(argv: string[]) {
  const out = { file: "", seed: 0, cores: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") out.seed = Number(argv[++i]);
    else if (a === "--cores") out.cores = Number(argv[++i]);
    else if (!out.file) out.file = a;
  }
  return out;
}

/** The entry file plus the relative modules it imports or starts as workers, compiled to JS. */
function collectModules(entryPath: string): { modules: Record<string, string>; entry: string } | { error: string } {
  const root = dirname(entryPath);
  const modules: Record<string, string> = {};
  const todo = [entryPath];
  while (todo.length) {
    const file = todo.pop()!;
    const key = "/" + file.slice(root.length + 1);
    if (modules[key] !== undefined) continue;
    const source = readFileSync(file, "utf8");
    const compiled = compileSolution(source, basename(file));
    if (!compiled.ok) {
      const d = compiled.diagnostics.map((x) => `${key.slice(1)}:${x.line}:${x.column} - error TS${x.code}: ${x.message}`).join("\n");
      return { error: d };
    }
    modules[key] = compiled.js;
    const refs = [...source.matchAll(/(?:from\s*|import\s*\(?\s*|new\s+URL\(\s*|new\s+Worker\(\s*)["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]);
    for (const r of refs) {
      const base = resolve(dirname(file), r);
      const found = [base, base.replace(/\.js$/, ".ts"), base + ".ts", base + ".js"].find((p) => existsSync(p) && p.startsWith(root));
      if (found) todo.push(found);
    }
  }
  return { modules, entry: "/" + basename(entryPath) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.file) {
    process.stderr.write("usage: npm run sandbox -- <file.ts|js|mjs> [--seed N] [--cores N]\n");
    return 2;
  }
  const path = resolve(args.file);
  if (!existsSync(path)) {
    process.stderr.write(`sandbox: no such file: ${args.file}\n`);
    return 2;
  }
  const collected = collectModules(path);
  if ("error" in collected) {
    process.stderr.write(collected.error + "\n");
    process.stderr.write("sandbox: compile_error\n");
    return 1;
  }
  const result = await runProgram({
    modules: collected.modules, entry: collected.entry, mode: "program", trusted: [], seed: args.seed, cores: args.cores,
    limits: resolveLimits({ virtualMs: 24 * 3_600_000 }), timeline: false,
  });
  for (const o of result.output) (o.stream === "stdout" ? process.stdout : process.stderr).write(o.text);
  if (result.status !== "ok" && result.status !== "runtime_error") {
    process.stderr.write(`sandbox: ${result.status}: ${result.message ?? ""}\n`);
    for (const w of result.waits ?? []) process.stderr.write(`  ${w.threadId === 0 ? "main" : `thread ${w.threadId}`}: ${w.on}\n`);
  } else if (result.status === "runtime_error" && result.output.every((o) => o.stream !== "stderr")) {
    process.stderr.write(`sandbox: runtime_error: ${result.message ?? ""}\n`);
  }
  return result.exitCode ?? (result.status === "ok" ? 0 : 1);
}

main().then(
  (code) => {
    // stdout and stderr are synchronous on Linux for files, pipes and terminals: flushed by now.
    process.stdout.write("", () => process.stderr.write("", () => hardExit(code)));
  },
  (e) => {
    process.stderr.write(`sandbox: internal error: ${e?.stack ?? e}\n`);
    process.exit(70);
  },
);
void join;
