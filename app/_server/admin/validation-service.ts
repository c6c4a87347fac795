// The app's side of "Validate": which grader pool runs the package checks. In the default embedded mode it
// is the same pool that grades submissions (its processes are already warm, and two cores are not split
// further); in BullMQ mode the app has no pool of its own, so checks get a one-process pool, started on
// first use. Either way the solutions run in grader child processes, not in the web server.
import "server-only";
import { createGraderPool, type GraderPool } from "../../../graders/index";
import { db } from "../db";
import { localGraderPool } from "../grading/grading-service";
import { readValidation, startValidation, type ValidationState } from "./package-validation";

const holder = globalThis as unknown as { validationPool?: GraderPool };

function validationPool(): GraderPool {
  return localGraderPool() ?? (holder.validationPool ??= createGraderPool({ size: 1 }));
}

export async function validateVersion(versionId: string, runs: number): Promise<{ state: ValidationState; started: boolean }> {
  const { state, started, done } = await startValidation(db, validationPool(), versionId, runs);
  void done.catch((e) => console.error(`validation of ${versionId} failed:`, e));
  return { state, started };
}

export function validationOf(versionId: string): Promise<ValidationState | null> {
  return readValidation(db, versionId);
}
