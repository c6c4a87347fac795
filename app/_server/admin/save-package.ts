// The save behind the editor (create / new version) and the import: input -> validated package -> new
// ProblemVersion, with every failure as an ApiError the route answers (400 with field errors, 404, 409).
import "server-only";
import { Prisma } from "../../../generated/prisma/client";
import type { ProblemPackage } from "../../../graders/problem-package";
import { ApiError } from "../api-route";
import { saveProblemVersion, type SaveMode } from "../problems/save-version";
import { BundleError, bundleToPackage } from "./package-bundle";
import { packageFieldErrors, packageFromDraft, PackageInputError } from "./package-input";

const INVALID = "The package is not valid: see the field messages.";

/** A package is code and test data, a few hundred KiB at most; far more is a mistake or an attack. */
export const MAX_PACKAGE_BODY_BYTES = 8 * 1024 * 1024;

/** Refuses an oversized body by its declared length, before reading it. */
export function assertPackageBodySize(request: Request): void {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_PACKAGE_BODY_BYTES) {
    throw new ApiError(413, "PACKAGE_TOO_LARGE", `The package is ${Math.round(length / 1024)} KiB; the limit is ${MAX_PACKAGE_BODY_BYTES / 1024 / 1024} MiB.`);
  }
}

export function draftOrThrow(body: unknown): ProblemPackage {
  try {
    return packageFromDraft(body);
  } catch (e) {
    if (e instanceof PackageInputError) throw new ApiError(400, "INVALID_PACKAGE", INVALID, e.fieldErrors);
    throw new ApiError(400, "INVALID_PACKAGE", (e as Error).message);
  }
}

export function bundleOrThrow(files: Record<string, string>): ProblemPackage {
  let pkg: ProblemPackage;
  try {
    pkg = bundleToPackage(files);
  } catch (e) {
    if (e instanceof BundleError) throw new ApiError(400, "INVALID_PACKAGE", INVALID, e.errors);
    throw e;
  }
  const errors = packageFieldErrors(pkg, { config: "problem.json", tests: "tests.json" });
  if (Object.keys(errors).length > 0) throw new ApiError(400, "INVALID_PACKAGE", INVALID, errors);
  return pkg;
}

export async function savePackage(pkg: ProblemPackage, mode: SaveMode, baseVersion?: number) {
  let outcome;
  try {
    outcome = await saveProblemVersion(pkg, mode, baseVersion);
  } catch (e) {
    // Two saves of one problem at the same instant: the (problemId, version) or slug unique index let one in.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new ApiError(409, "VERSION_CONFLICT", "Another save of this problem happened at the same moment. Reload to see it, then save again.");
    }
    throw e;
  }
  if (outcome.ok) return outcome;
  const slug = pkg.config.slug;
  if (outcome.reason === "conflict") {
    throw new ApiError(
      409,
      "VERSION_CONFLICT",
      `Version ${outcome.currentVersion} of "${slug}" was saved after you opened this editor (another admin, another tab, or an import). Saving now would replace it as the current version.`,
    );
  }
  if (outcome.reason === "exists") throw new ApiError(409, "SLUG_TAKEN", `A problem "${slug}" exists already.`, { "config.slug": [`"${slug}" is taken: pick another slug, or edit that problem.`] });
  throw new ApiError(404, "NOT_FOUND", `No problem "${slug}".`);
}
