/**
 * `npm run problems:check` inside the suite, so CI runs it: for each of the fifteen catalogue problems,
 * every solution is accepted and every known-wrong solution gets its tagged verdict, three runs each,
 * through the real grader pool.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { createGraderPool, loadAllPackages } from "../../graders/index";
import { checkCase, packageCases } from "../../graders/package-check";

const CATALOGUE = [
  "sleep", "promise-all", "promise-pool", "debounce", "non-blocking-hash",
  "atomic-counter", "print-in-order", "foo-bar-alternately", "bounded-blocking-queue", "dining-philosophers",
  "count-primes", "process-pool", "parallel-sort", "word-frequency", "matrix-multiply",
];
const RUNS = 3;
const packages = loadAllPackages(join(__dirname, "../../problems"));
const pool = createGraderPool({ size: 2 });
afterAll(() => pool.close());

it("the fifteen catalogue problems are packaged", () => {
  expect(packages.map((p) => p.config.slug).sort()).toEqual([...CATALOGUE].sort());
});

for (const pkg of packages) {
  describe(pkg.config.slug, () => {
    it("has at least two sample tests, two accepted solutions and five known-wrong ones", () => {
      expect(pkg.tests.filter((t) => t.sample).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(pkg.solutions).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(pkg.wrong).length).toBeGreaterThanOrEqual(5);
    });
    it("states what the grader checks", () => {
      expect(pkg.statement).toMatch(/^## What the grader checks/m);
    });
    // Concurrent, so the pool's two processes always have the next run queued (a case's three runs
    // alone would leave one idle); the pool still grades two at a time, so the load is the same.
    for (const c of packageCases(pkg)) {
      it.concurrent(`${c.file} gets ${c.expected} on each of ${RUNS} runs`, async () => {
        const outcome = await checkCase(pool, pkg, c, RUNS);
        const why = outcome.ok ? undefined : `${outcome.why} Figures: ${outcome.figures}`;
        expect({ verdicts: outcome.got, why }).toEqual({
          verdicts: Array(RUNS).fill(c.expected),
          why: undefined,
        });
      }, 600_000);
    }
  });
}
