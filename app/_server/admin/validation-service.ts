// The app's side of "Validate": which grader pool runs the package checks. In the default embedded mode it
// is the same pool that grades submissions (its processes are already warm, and two cores are not split
// further); in BullMQ mode the app has no pool of its own, so checks get a one-process pool, started on
// first use. Either way the solutions run in grader child processes, not in the web server.
import "server-only";
import { createGraderPool, type GraderPool } from "../../../graders/index";
import { db } from "../db";
import { localGraderPool } from "../grading/grading-service";
import { interrupted, readValidation, startValidation, type ValidationState } from "./package-validation";

// The versions this server process is checking now: a stored "running" state for any other version was left
// by a process that stopped (a restart mid-check), and must neither block a new check nor poll forever.
// (The app runs as one `next start` process; the grading dispatcher, not this, is what spreads over machines.)
const holder = globalThis as unknown as { validationPool?: GraderPool; validating?: Set<string> };
const validating = (holder.validating ??= new Set<string>());

function validationPool(): GraderPool {
  return localGraderPool() ?? (holder.validationPool ??= createGraderPool({ size: 1 }));
}

export async function validateVersion(versionId: string, runs: number): Promise<{ state: ValidationState | null; started: boolean }> {
  if (validating.has(versionId)) return { state: await readValidation(db, versionId), started: false };
  // Marked before the first await, so a second click cannot start a second check of the same version.
  validating.add(versionId);
  try {
    const { state, done } = await startValidation(db, validationPool(), versionId, runs, () => false);
    void done.catch((e) => console.error(`validation of ${versionId} failed:`, e)).finally(() => validating.delete(versionId));
    return { state, started: true };
  } catch (e) {
    validating.delete(versionId);
    throw e;
  }
}

export async function validationOf(versionId: string): Promise<ValidationState | null> {
  const state = await readValidation(db, versionId);
  return state?.status === "running" && !validating.has(versionId) ? interrupted(state) : state;
}
