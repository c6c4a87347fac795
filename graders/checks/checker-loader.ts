/**
 * Loads a package's checker.ts on the host: bundled with esbuild (types erased; of values it may import
 * the checker kit, graders/checks/kit, which is bundled in) and evaluated with a require that only knows
 * node:util, so a checker stays self-contained. Cached per package version and source, for the life of
 * the grader process.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import * as util from "node:util";
import type { Checker, CheckContext, ProblemPackage } from "../problem-package";
import { VERDICTS, type CheckOutcome } from "../report";
import { GraderError } from "../errors";

const cache = new Map<string, Checker>();

const ALLOWED: Record<string, unknown> = { "node:util": util, util };

/** graders/checks/kit, from this module's place (graders/checks under tsx and jest, dist/ when bundled). */
function kitDir(): string {
  const candidates = [join(__dirname, "kit"), join(__dirname, "..", "graders", "checks", "kit"), join(process.cwd(), "graders", "checks", "kit")];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

function bundle(source: string, slug: string): string {
  // Loaded lazily and outside the bundler's view: esbuild's JS API cannot itself be bundled.
  const esbuild = require(["esbuild"][0]) as typeof import("esbuild");
  const kit = kitDir();
  // problems/<slug>/checker.ts imports "../../graders/checks/kit/…": graders/checks is as deep below the
  // repository's root and always exists (a package authored in the app has no directory of its own).
  const resolveDir = join(kit, "..");
  const result = esbuild.buildSync({
    stdin: { contents: source, loader: "ts", sourcefile: `problems/${slug}/checker.ts`, resolveDir },
    metafile: true,
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["node:*", "util"],
    logLevel: "silent",
  });
  // Of the repository, a checker may bundle the kit only (esbuild's sync API takes no resolve plugin).
  const cwd = process.cwd();
  const entry = Object.values(result.metafile.outputs)[0]?.entryPoint;
  const outside = Object.keys(result.metafile.inputs).filter((input) => {
    if (input === entry) return false;
    const abs = resolve(cwd, input);
    return !(abs === kit || abs.startsWith(kit + sep));
  });
  if (outside.length) throw new GraderError("CHECKER_FAILED", `checker of ${slug} imports ${outside.join(", ")}; a checker may import graders/checks/kit and node:util only`);
  return result.outputFiles[0].text;
}

function evaluate(code: string, slug: string): Checker {
  const module = { exports: {} as Record<string, unknown> };
  const requireAllowed = (name: string) => {
    if (name in ALLOWED) return ALLOWED[name];
    throw new GraderError("CHECKER_FAILED", `checker of ${slug} requires "${name}"; a checker may only use node:util`);
  };
  new Function("module", "exports", "require", code)(module, module.exports, requireAllowed);
  const check = module.exports.check;
  if (typeof check !== "function") throw new GraderError("CHECKER_FAILED", `checker of ${slug} does not export check()`);
  return check as Checker;
}

export function loadChecker(pkg: ProblemPackage): Checker | undefined {
  if (pkg.checker === undefined) return undefined;
  const { slug, version } = pkg.config;
  const key = `${slug}@${version}:${createHash("sha256").update(pkg.checker).digest("hex")}`;
  let checker = cache.get(key);
  if (!checker) {
    try {
      checker = evaluate(bundle(pkg.checker, slug), slug);
    } catch (e) {
      if (e instanceof GraderError) throw e;
      throw new GraderError("CHECKER_FAILED", `checker of ${slug} does not load: ${(e as Error).message}`, { cause: e });
    }
    cache.set(key, checker);
  }
  return checker;
}

function isOutcome(o: unknown): o is CheckOutcome {
  const c = o as CheckOutcome;
  return !!c && typeof c.check === "string" && typeof c.passed === "boolean" && typeof c.message === "string" && (VERDICTS as readonly string[]).includes(c.verdict);
}

/** Runs a checker; a throw or a malformed answer is the problem's fault, never the candidate's. */
export function runChecker(checker: Checker, ctx: CheckContext): CheckOutcome[] {
  let outcomes: unknown;
  try {
    outcomes = checker(ctx);
  } catch (e) {
    throw new GraderError("CHECKER_FAILED", `checker of ${ctx.config.slug} threw on test "${ctx.test.name}": ${(e as Error)?.message ?? e}`, { cause: e });
  }
  if (!Array.isArray(outcomes) || outcomes.length === 0 || !outcomes.every(isOutcome)) {
    throw new GraderError("CHECKER_FAILED", `checker of ${ctx.config.slug} returned no valid CheckOutcome[] for test "${ctx.test.name}"`);
  }
  return outcomes;
}
