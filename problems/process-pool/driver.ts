import * as h from "grader:harness";
import { Worker } from "node:worker_threads";

type Pool = { map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]>; close(): Promise<void> };
type Solution = { createPool(size: number): Pool };

/**
 * The functions a test maps. Each is self-contained (no closures), so its source (fn.toString()) is
 * all a worker needs. Written as arrow functions and function expressions: their toString() is an
 * expression that `new Function("return (" + source + ")")()` turns back into a function.
 */
const FUNCTIONS: Record<string, (x: any) => unknown> = {
  square: (x: number) => x * x,
  addOne: function (x: number) {
    return x + 1;
  },
  shout: (s: string) => s.toUpperCase() + "!",
  describe: (p: { name: string; tags: string[] }) => ({ name: p.name, tagCount: p.tags.length, first: p.tags[0] ?? null }),
  collatz: function collatz(n: number) {
    let steps = 0;
    while (n !== 1) {
      n = n % 2 === 0 ? n / 2 : 3 * n + 1;
      steps++;
    }
    return steps;
  },
  failOn13: (x: number) => {
    if (x === 13) throw new Error("unlucky 13");
    return x * 2;
  },
  tiny: (x: number) => x * 2 + 1,
  primesBelow: (limit: number) => {
    const isPrime = (n: number) => {
      if (n < 2) return false;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
      return true;
    };
    let count = 0;
    for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
    return count;
  },
};

type ItemSpec = unknown[] | { range: [number, number] } | { heavy: number };
type Step = { fn: string; items: ItemSpec };
type Input =
  | { kind: "maps"; size: number; steps: Step[] }
  | { kind: "tiny"; size: number; count: number }
  | { kind: "speedup"; size: number; count: number };

function itemsOf(spec: ItemSpec): unknown[] {
  if (Array.isArray(spec)) return structuredClone(spec);
  if ("range" in spec) return Array.from({ length: spec.range[1] - spec.range[0] }, (_, i) => spec.range[0] + i);
  return Array.from({ length: spec.heavy }, (_, i) => 60000 + (i % 5) * 1000);
}

// ---- which workers exist, and which have exited (for the close() check) ----
// The candidate's Worker objects are noticed when the pool first uses them (postMessage, on, once,
// addListener, terminate); an "exit" listener then records when each one ends. Installed while the
// modules load, before any candidate code runs.
const seen = new Set<Worker>();
const exited = new Set<Worker>();
const exitWaiters: Array<() => void> = [];
function track(worker: Worker): void {
  if (seen.has(worker)) return;
  seen.add(worker);
  EventEmitterOnce.call(worker, "exit", () => {
    exited.add(worker);
    if (exited.size === seen.size) exitWaiters.splice(0).forEach((wake) => wake());
  });
}
const proto = Worker.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const EventEmitterOnce = proto.once as (this: Worker, event: string, listener: (...args: unknown[]) => void) => Worker;
for (const name of ["postMessage", "on", "once", "addListener", "terminate"]) {
  const original = proto[name];
  if (typeof original !== "function") continue;
  proto[name] = function (this: Worker, ...args: unknown[]) {
    track(this);
    return original.apply(this, args);
  };
}

/** After close(): wait (at most 1 s of virtual time) until every worker the pool used has exited. */
async function workersLeftAfterClose(): Promise<number> {
  if (exited.size < seen.size) await Promise.race([new Promise<void>((wake) => exitWaiters.push(wake)), h.sleep(1000)]);
  return seen.size - exited.size;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Want = Array<{ value: unknown } | { error: string }>;
const answers = new WeakMap<unknown[], Want>();

/** What fn gives on each item, computed once per items array, outside any timing. */
function answersFor(fnName: string, items: unknown[]): Want {
  let want = answers.get(items);
  if (!want) {
    const fn = FUNCTIONS[fnName];
    want = items.map((x) => {
      try {
        return { value: fn(structuredClone(x)) };
      } catch (e) {
        return { error: (e as Error).message };
      }
    });
    answers.set(items, want);
  }
  return want;
}

async function runMap(pool: Pool, fnName: string, items: unknown[]) {
  const fn = FUNCTIONS[fnName];
  const want = answersFor(fnName, items);
  const failure = want.find((w) => "error" in w) as { error: string } | undefined;
  const copy = structuredClone(items);
  const started = h.now();
  try {
    const got = await pool.map(fn, copy);
    const ms = h.now() - started;
    if (failure) return { fn: fnName, items: items.length, ms, problem: `resolved, but ${fnName} throws "${failure.error}" on one item: map should reject` };
    if (!Array.isArray(got)) return { fn: fnName, items: items.length, ms, problem: "map did not resolve with an array" };
    if (got.length !== items.length) return { fn: fnName, items: items.length, ms, problem: `expected ${items.length} results, got ${got.length}` };
    const bad = want.findIndex((w, i) => !sameValue((w as { value: unknown }).value, got[i]));
    if (bad >= 0) return { fn: fnName, items: items.length, ms, problem: `result #${bad} is wrong`, example: { got: JSON.stringify(got[bad]) ?? "undefined", want: JSON.stringify((want[bad] as { value: unknown }).value) } };
    return { fn: fnName, items: items.length, ms, ok: true };
  } catch (e) {
    const ms = h.now() - started;
    const message = e instanceof Error ? e.message : String(e);
    if (failure && message.includes(failure.error)) return { fn: fnName, items: items.length, ms, ok: true, rejected: true };
    if (failure) return { fn: fnName, items: items.length, ms, problem: `rejected, but the reason does not carry the message "${failure.error}" (got "${message.slice(0, 80)}")` };
    return { fn: fnName, items: items.length, ms, problem: `rejected although ${fnName} throws on no item: ${message.slice(0, 80)}` };
  }
}

async function withPool(solution: Solution, size: number, body: (pool: Pool) => Promise<unknown>) {
  const pool = solution.createPool(size);
  const result = await body(pool);
  await pool.close();
  return result;
}

/** Timed maps are repeated this many times; the checker takes the best (load can only slow a run down). */
const REPEATS = 3;

export async function run(input: Input, solution: Solution) {
  if (input.kind === "maps") {
    const maps = await withPool(solution, input.size, async (pool) => {
      const out = [];
      for (const step of input.steps) out.push(await runMap(pool, step.fn, itemsOf(step.items)));
      return out;
    });
    return { kind: input.kind, poolSizes: [input.size], maps, workersLeft: await workersLeftAfterClose() };
  }
  if (input.kind === "tiny") {
    const items = Array.from({ length: input.count }, (_, i) => i);
    const fn = FUNCTIONS.tiny;
    const sequential: number[] = [];
    const maps = await withPool(solution, input.size, async (pool) => {
      const out = [await runMap(pool, "tiny", [1, 2, 3])];
      for (let r = 0; r < REPEATS; r++) {
        const copy = items.slice();
        const t0 = h.now();
        copy.map(fn);
        sequential.push(h.now() - t0);
        out.push(await runMap(pool, "tiny", items));
      }
      return out;
    });
    return { kind: input.kind, poolSizes: [input.size], maps, sequentialMs: Math.min(...sequential), workersLeft: await workersLeftAfterClose() };
  }
  // CPU-heavy items: a pool of 1 and a pool of `size`, both alive, maps alternating.
  const items = itemsOf({ heavy: input.count });
  const single = solution.createPool(1);
  const wide = solution.createPool(input.size);
  const maps = [];
  for (let r = 0; r < REPEATS; r++) {
    maps.push(await runMap(single, "primesBelow", items));
    maps.push(await runMap(wide, "primesBelow", items));
  }
  await single.close();
  await wide.close();
  return { kind: input.kind, poolSizes: [1, input.size], maps, workersLeft: await workersLeftAfterClose() };
}
