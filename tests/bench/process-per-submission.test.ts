import { describe, expect, it } from "@jest/globals";
import { gradeInFreshProcess } from "../../bench/process-per-submission";
import { fixturePackage } from "../grader/helpers/packages";

// The bench's baseline must grade like the pool on what it covers, or its figures compare unlike work.
const double = fixturePackage("double");
const reference = double.solutions["reference.ts"];
const typeError = reference.replace(/export (async )?function double\(([a-z]+): number\)/, "export $1function double($2: string)");

describe("process-per-submission baseline", () => {
  it("accepts the reference solution, type-checked or transpiled only", async () => {
    expect(await gradeInFreshProcess(double, reference, true)).toBe("accepted");
    expect(await gradeInFreshProcess(double, reference, false)).toBe("accepted");
  });

  it("gives compile_error for a type error only when it type-checks", async () => {
    expect(typeError).not.toBe(reference);
    expect(await gradeInFreshProcess(double, typeError, true)).toBe("compile_error");
    expect(await gradeInFreshProcess(double, typeError, false)).not.toBe("compile_error");
  });
});
