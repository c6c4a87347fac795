// What a job carries: the package trimmed to what grading reads; a "run" grades the sample tests only.
import { describe, expect, it } from "@jest/globals";
import { gradingPackage } from "../../app/_server/grading/grading-package";
import { fixturePackage } from "./support/queue-database";

const stored = JSON.parse(JSON.stringify(fixturePackage));

describe("gradingPackage", () => {
  it("keeps config, driver, checker, tests and one solution (the driver is type-checked against it), drops the rest", () => {
    const pkg = gradingPackage(stored, "submit");
    expect(pkg.config).toEqual(fixturePackage.config);
    expect(pkg.driver).toBe(fixturePackage.driver);
    expect(pkg.tests).toEqual(fixturePackage.tests);
    expect(Object.keys(pkg.solutions)).toEqual(["reference.ts"]);
    expect(pkg.wrong).toEqual({});
    expect(pkg.statement).toBe("");
  });

  it("grades only the sample tests for a run", () => {
    expect(gradingPackage(stored, "run").tests.map((t) => t.name)).toEqual(["small"]);
  });

  it("refuses a stored package that is not valid", () => {
    expect(() => gradingPackage({ ...stored, tests: [] }, "submit")).toThrow(/tests\.json/);
  });
});
