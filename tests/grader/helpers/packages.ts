import { join } from "node:path";
import { loadPackage, type ProblemPackage } from "../../../graders/problem-package";

export const PACKAGES_DIR = join(__dirname, "../../fixtures/grader/packages");
export const fixturePackage = (slug: string): ProblemPackage => loadPackage(join(PACKAGES_DIR, slug));
