// "Validate" on the admin's problem page: the package check of graders/package-check.ts (every reference
// solution accepted, every known-wrong one gets its tagged verdict) run on a grader pool, i.e. in grader
// processes, never in the web server. The state lives in ProblemVersion.validation and is rewritten as
// each solution finishes, so the page can poll it and a reload (or another admin) sees the same thing.
import { z } from "zod";
import type { PrismaClient } from "../../../generated/prisma/client";
import { checkCase, packageCases, type PackageCase } from "../../../graders/package-check";
import { validatePackage, type ProblemPackage } from "../../../graders/problem-package";
import type { Verdict } from "../../../graders/report";

/** A stored "running" state whose work is gone (the server stopped mid-check), shown as what it is. */
export function interrupted(state: ValidationState): ValidationState {
  return { ...state, status: "error", error: "Interrupted: the server stopped during the check. Validate again." };
}

/** What checkCase needs of a pool (a GraderPool, or the embedded dispatcher's). */
type Pool = Parameters<typeof checkCase>[0];
type Db = Pick<PrismaClient, "problemVersion">;

export interface ValidationCase {
  file: string;
  expected: Verdict;
  /** One verdict per run; empty while the solution is still being graded. */
  got: Verdict[];
  /** null while running. */
  ok: boolean | null;
  /** The first disagreeing report's summary. */
  why?: string;
}

export interface ValidationState {
  status: "running" | "passed" | "failed" | "error";
  runs: number;
  startedAt: string;
  finishedAt?: string;
  cases: ValidationCase[];
  /** Set when the check itself could not run (pool closed, package unreadable). */
  error?: string;
}

export const MAX_RUNS = 5;
export const runsSchema = z.coerce.number().int("Runs must be a whole number.").min(1, "At least one run.").max(MAX_RUNS, `At most ${MAX_RUNS} runs.`);

/**
 * A "running" state older than this belongs to a server that stopped mid-check: it may be started again.
 * Generous: a busy pool on two cores can take minutes for a large package.
 */
export const STALE_RUNNING_MS = 20 * 60_000;

export function isActive(state: ValidationState | null, now = Date.now()): boolean {
  return state?.status === "running" && now - Date.parse(state.startedAt) < STALE_RUNNING_MS;
}

export async function readValidation(db: Db, versionId: string): Promise<ValidationState | null> {
  const row = await db.problemVersion.findUnique({ where: { id: versionId }, select: { validation: true } });
  return (row?.validation as ValidationState | null | undefined) ?? null;
}

/**
 * Starts a check of one version unless one is already running, and returns at once with the state written
 * (the work continues in the background; `done` resolves with the final state).
 */
export async function startValidation(
  db: Db,
  pool: Pool,
  versionId: string,
  runs: number,
  /** Whether a check of this version is really still running (the app knows its own); default: trust a recent "running". */
  stillRunning: (versionId: string) => boolean = () => true,
): Promise<{ state: ValidationState; started: boolean; done: Promise<ValidationState> }> {
  const row = await db.problemVersion.findUniqueOrThrow({ where: { id: versionId }, select: { package: true, validation: true } });
  const current = (row.validation as ValidationState | null) ?? null;
  if (current && isActive(current) && stillRunning(versionId)) return { state: current, started: false, done: Promise.resolve(current) };

  const pkg = validatePackage(row.package as unknown as ProblemPackage);
  const cases = packageCases(pkg);
  const state: ValidationState = {
    status: "running",
    runs,
    startedAt: new Date().toISOString(),
    cases: cases.map((c) => ({ file: c.file, expected: c.expected, got: [], ok: null })),
  };
  await write(db, versionId, state);
  return { state, started: true, done: run(db, pool, versionId, pkg, cases, state) };
}

async function run(db: Db, pool: Pool, versionId: string, pkg: ProblemPackage, cases: PackageCase[], state: ValidationState): Promise<ValidationState> {
  // Writes one at a time and in order: the solutions finish concurrently, each write is the whole state.
  let writes: Promise<void> = Promise.resolve();
  const save = () => {
    const snapshot = structuredClone(state);
    writes = writes.then(() => write(db, versionId, snapshot)).catch((e) => console.error(`validation of ${versionId}: write failed:`, e));
    return writes;
  };
  try {
    // All at once: the pool queues them and keeps every grader process busy.
    await Promise.all(
      cases.map(async (c, i) => {
        const outcome = await checkCase(pool, pkg, c, state.runs);
        state.cases[i] = { file: c.file, expected: c.expected, got: outcome.got, ok: outcome.ok, ...(outcome.why ? { why: outcome.why } : {}) };
        await save();
      }),
    );
    state.status = state.cases.every((c) => c.ok) ? "passed" : "failed";
  } catch (e) {
    state.status = "error";
    state.error = `The check could not finish: ${(e as Error).message}`;
  }
  state.finishedAt = new Date().toISOString();
  await save();
  return state;
}

async function write(db: Db, versionId: string, state: ValidationState): Promise<void> {
  await db.problemVersion.update({ where: { id: versionId }, data: { validation: state as never } });
}
