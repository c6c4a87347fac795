/** Module specifier resolution for candidate modules, with Node's error texts for what is missing. */
import { ModuleNotFound } from "./host-bridge";

export const BUILTIN_MODULES = ["worker_threads", "timers", "timers/promises", "os", "perf_hooks", "events"];

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

function candidates(path: string): string[] {
  const c = [path];
  if (/\.js$/.test(path)) c.push(path.replace(/\.js$/, ".ts"), path.replace(/\.js$/, ".mjs"));
  if (/\.mjs$/.test(path)) c.push(path.replace(/\.mjs$/, ".mts"));
  if (/\.ts$/.test(path)) c.push(path.replace(/\.ts$/, ".js"));
  if (!/\.[cm]?[jt]s$/.test(path)) c.push(path + ".ts", path + ".js", path + ".mjs", path + "/index.ts", path + "/index.js");
  return c;
}

export function resolveModule(spec: string, from: string, modules: Record<string, string>, trusted: string[]): { path: string; builtin: boolean } {
  const where = from.startsWith("grader:") ? "the sandbox" : from;
  if (spec === "grader:main" || spec === "grader:test") return { path: spec, builtin: false };
  if (spec === "grader:boot") {
    if (from === "grader:main" || from === "grader:test") return { path: spec, builtin: true };
    throw new ModuleNotFound(`Cannot find package '${spec}' imported from ${where}`);
  }
  if (spec === "grader:harness") {
    if (trusted.includes(from)) return { path: spec, builtin: true };
    throw new ModuleNotFound(`Cannot find package '${spec}' imported from ${where}`);
  }
  const bare = spec.startsWith("node:") ? spec.slice(5) : spec;
  if (BUILTIN_MODULES.includes(bare)) return { path: "node:" + bare, builtin: true };
  if (spec.startsWith("node:")) {
    throw new ModuleNotFound(`Cannot find module '${spec}' imported from ${where}: the sandbox provides only ${BUILTIN_MODULES.map((b) => "node:" + b).join(", ")}`);
  }
  let path: string | null = null;
  if (spec.startsWith("file://")) path = normalize(spec.slice(7));
  else if (spec.startsWith("/")) path = normalize(spec);
  else if (spec.startsWith("./") || spec.startsWith("../")) path = normalize(from.slice(0, from.lastIndexOf("/") + 1) + spec);
  if (path === null) throw new ModuleNotFound(`Cannot find package '${spec}' imported from ${where}`);
  for (const c of candidates(path)) if (Object.prototype.hasOwnProperty.call(modules, c)) return { path: c, builtin: false };
  throw new ModuleNotFound(`Cannot find module '${path}' imported from ${where}`);
}
