// "Validate" on the admin's problem page, below the route: the package check of a stored version runs in
// real grader processes (a GraderPool, as the app's embedded dispatcher uses), its state is written to
// ProblemVersion.validation as it goes, and a mis-tagged wrong solution fails the check with the reason.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createGraderPool, type GraderPool } from "../../graders/index";
import { readValidation, startValidation } from "../../app/_server/admin/package-validation";
import { syncPackage } from "../../prisma/seed/problem-sync";
import { createQueueDatabase, FIXTURE_SLUG, fixturePackage, type QueueDatabase } from "./support/queue-database";

let q: QueueDatabase;
let pool: GraderPool;

beforeAll(async () => {
  q = await createQueueDatabase(0);
  pool = createGraderPool({ size: 1 });
});
afterAll(async () => {
  await pool?.close();
  await q?.close();
});

async function versionId(slug: string): Promise<string> {
  const v = await q.db.problemVersion.findFirstOrThrow({ where: { problem: { slug } }, orderBy: { version: "desc" }, select: { id: true } });
  return v.id;
}

describe("package validation on a grader pool", () => {
  it("accepts the reference and gives the wrong solution its tagged verdict, storing each step", async () => {
    const id = await versionId(FIXTURE_SLUG);
    expect(await readValidation(q.db, id)).toBeNull();
    const { state, started, done } = await startValidation(q.db, pool, id, 2);
    expect(started).toBe(true);
    expect(state.status).toBe("running");
    expect(state.cases).toEqual([
      { file: "solutions/reference.ts", expected: "accepted", got: [], ok: null },
      { file: "wrong/subtracts.ts", expected: "wrong_answer", got: [], ok: null },
    ]);
    expect((await readValidation(q.db, id))?.status).toBe("running");

    // A second start while the first runs does not grade twice.
    const second = await startValidation(q.db, pool, id, 1);
    expect(second.started).toBe(false);

    const final = await done;
    expect(final.status).toBe("passed");
    expect(final.cases.map((c) => [c.file, c.got, c.ok])).toEqual([
      ["solutions/reference.ts", ["accepted", "accepted"], true],
      ["wrong/subtracts.ts", ["wrong_answer", "wrong_answer"], true],
    ]);
    expect(await readValidation(q.db, id)).toEqual(final);
    expect(final.finishedAt).toEqual(expect.any(String));
  }, 240_000);

  it("fails when a wrong solution does not get its tag, saying why", async () => {
    const mistagged = {
      ...fixturePackage,
      config: { ...fixturePackage.config, slug: "queue-add-mistagged", wrong: { "subtracts.ts": "time_limit_exceeded" as const } },
      wrong: { "subtracts.ts": { source: fixturePackage.wrong["subtracts.ts"].source, verdict: "time_limit_exceeded" as const } },
    };
    await syncPackage(q.db, mistagged);
    const { done } = await startValidation(q.db, pool, await versionId("queue-add-mistagged"), 1);
    const final = await done;
    expect(final.status).toBe("failed");
    expect(final.cases[0]).toMatchObject({ file: "solutions/reference.ts", got: ["accepted"], ok: true });
    expect(final.cases[1]).toMatchObject({ file: "wrong/subtracts.ts", expected: "time_limit_exceeded", got: ["wrong_answer"], ok: false, why: expect.any(String) });
  }, 240_000);
});
