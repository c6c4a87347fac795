import * as h from "grader:harness";

type S = { promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> };
/** A task waits `ms` virtual ms (null: settles in a microtask), then resolves with `value` or rejects with Error(`error`). */
type TaskSpec = { ms: number | null; value?: unknown; error?: string };
type Input = { limit: number; tasks: TaskSpec[] };

export type Observation = {
  /** Every start and settle in the order they happened: "s3" = task 3 started, "e3" = task 3 settled. */
  events: string[];
  calls: number[];
  /** Virtual ms since promisePool was called; -1 if it never happened. */
  started: number[];
  settled: number[];
  outcome:
    | { kind: "resolved"; at: number; isArray: boolean; length: number; items: (string | null)[] }
    | { kind: "rejected"; at: number; reasonIndex: number; reason: string }
    | { kind: "threw"; at: number; reason: string };
};

/** JSON text of each item, so any value the candidate returns can be copied out and compared exactly; null = hole. */
function describe(r: unknown): { isArray: boolean; length: number; items: (string | null)[] } {
  if (!Array.isArray(r)) return { isArray: false, length: 0, items: [] };
  const items: (string | null)[] = [];
  for (let i = 0; i < r.length; i++) items.push(i in r ? (r[i] === undefined ? "undefined" : String(JSON.stringify(r[i]))) : null);
  return { isArray: true, length: r.length, items };
}

export async function run(input: Input, solution: S): Promise<Observation> {
  const n = input.tasks.length;
  const events: string[] = [];
  const calls: number[] = new Array(n).fill(0);
  const started: number[] = new Array(n).fill(-1);
  const settled: number[] = new Array(n).fill(-1);
  const errors = input.tasks.map((t) => (t.error === undefined ? null : new Error(t.error)));
  let inFlight = 0;
  let t0 = 0;

  const tasks = input.tasks.map((spec, i) => (): Promise<unknown> => {
    calls[i]++;
    if (started[i] < 0) started[i] = h.now() - t0;
    events.push(`s${i}`);
    h.record("task started", { task: i, inFlight: ++inFlight });
    const finish = (): unknown => {
      if (settled[i] < 0) settled[i] = h.now() - t0;
      events.push(`e${i}`);
      h.record("task settled", { task: i, ok: errors[i] === null, inFlight: --inFlight });
      if (errors[i]) throw errors[i];
      return spec.value;
    };
    return spec.ms === null ? Promise.resolve().then(finish) : h.sleep(spec.ms).then(finish);
  });

  t0 = h.now();
  let outcome: Observation["outcome"];
  try {
    const pending = solution.promisePool(tasks, input.limit);
    try {
      const r = await pending;
      outcome = { kind: "resolved", at: h.now() - t0, ...describe(r) };
    } catch (e) {
      outcome = { kind: "rejected", at: h.now() - t0, reasonIndex: errors.indexOf(e as Error), reason: String(e) };
    }
  } catch (e) {
    outcome = { kind: "threw", at: h.now() - t0, reason: String(e) };
  }
  h.record("promisePool settled", { kind: outcome.kind });
  return { events, calls, started, settled, outcome };
}
