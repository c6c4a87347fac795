/**
 * Baseline (b): the raw isolated-vm floor. A new isolate per submission runs the same compiled solution
 * and driver, with the least runtime that can run them: a virtual timer queue driven from the host and
 * a stub harness. No threads, limits, CPU accounting, timelines or checks: what any isolate-based
 * grader pays at least.
 */
import ivm from "isolated-vm";
import { isDeepStrictEqual } from "node:util";
import type { ProblemPackage } from "../graders/problem-package";

const RUNTIME = `
let now = 0, seq = 0;
const timers = [];
globalThis.setTimeout = (cb, ms = 0, ...args) => { timers.push({ at: now + Math.max(0, ms), seq: seq++, cb: () => cb(...args) }); return seq; };
globalThis.clearTimeout = () => {};
globalThis.performance = { now: () => now };
globalThis.__fireNext = () => {
  if (timers.length === 0) return false;
  timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const t = timers.shift();
  now = Math.max(now, t.at);
  t.cb();
  return true;
};
globalThis.__now = () => now;
`;

const HARNESS = `
export const seed = 0, threadId = 0;
export const now = () => globalThis.__now();
export const record = () => {}, log = () => {}, perturb = () => {};
export const random = Math.random;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const startThread = () => { throw new Error("no threads in the floor"); };
`;

export async function gradeInRawIsolate(pkg: ProblemPackage, solutionJs: string, driverJs: string): Promise<string> {
  const isolate = new ivm.Isolate({ memoryLimit: 128 });
  try {
    const context = isolate.createContextSync();
    context.evalSync(RUNTIME);
    const modules: Record<string, ivm.Module> = {
      "grader:harness": isolate.compileModuleSync(HARNESS),
      "/solution.js": isolate.compileModuleSync(solutionJs),
      "/driver.js": isolate.compileModuleSync(driverJs),
    };
    const resolve = (spec: string) => modules[spec === "./solution" || spec === "./solution.js" ? "/solution.js" : spec];
    for (const m of Object.values(modules)) m.instantiateSync(context, resolve);
    for (const name of ["grader:harness", "/solution.js", "/driver.js"]) modules[name].evaluateSync();
    const jail = context.global;
    await jail.set("__solution", modules["/solution.js"].namespace.derefInto());
    await jail.set("__driver", modules["/driver.js"].namespace.derefInto());
    context.evalSync(`globalThis.__start = (input) => { globalThis.__out = undefined; __driver.run(input, __solution).then((v) => { globalThis.__out = { v }; }, (e) => { globalThis.__out = { e: String(e) }; }); };`);
    const start = context.global.getSync("__start", { reference: true }) as ivm.Reference<(input: unknown) => void>;
    const fireNext = context.global.getSync("__fireNext", { reference: true }) as ivm.Reference<() => boolean>;
    let verdict = "accepted";
    for (const t of pkg.tests) {
      start.applySync(undefined, [new ivm.ExternalCopy(t.input).copyInto()]);
      // Each applySync drains microtasks on return; fire timers until the driver's promise settled.
      while (context.evalSync("globalThis.__out === undefined") && fireNext.applySync(undefined, [])) {}
      const out = context.evalSync("JSON.stringify(globalThis.__out ?? null)") as string;
      const parsed = JSON.parse(out) as { v?: unknown; e?: string } | null;
      if (!parsed || parsed.e !== undefined) verdict = verdict === "accepted" ? "runtime_error" : verdict;
      else if (!isDeepStrictEqual(parsed.v, t.expected) && verdict === "accepted") verdict = "wrong_answer";
    }
    return verdict;
  } finally {
    isolate.dispose();
  }
}
