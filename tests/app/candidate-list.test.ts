// The candidate's problem list and submission diff as server queries against a real SQLite file (fresh,
// migrated per run): track/difficulty/search filters, the per-user status (solved needs an accepted
// Submit; a Run or a wrong Submit is only an attempt), filters read from the URL, and that the diff pair
// is found only when both submissions are the signed-in user's own and of that problem.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { tempDatabase } from "./support/use-temp-database";
import { db } from "../../app/_server/db";
import { getOwnSubmissionPair, submissionPairSchema } from "../../app/_server/queries/submissions";
import { listProblemsForCandidate, parseProblemFilters } from "../../app/_server/queries/problems";
import { fixturePackage } from "../queue/support/queue-database";
import { syncPackage } from "../../prisma/seed/problem-sync";

type Config = typeof fixturePackage.config;
const PROBLEMS: Pick<Config, "slug" | "title" | "track" | "difficulty">[] = [
  { slug: "list-sleep", title: "Sleep Well", track: "async", difficulty: "easy" },
  { slug: "list-pool", title: "Promise Pool", track: "async", difficulty: "medium" },
  { slug: "list-counter", title: "Atomic Counter", track: "threads", difficulty: "easy" },
  { slug: "list-primes", title: "Count Primes", track: "workers", difficulty: "hard" },
  { slug: "list-hidden", title: "Unpublished Pool", track: "async", difficulty: "medium" },
];

let me: string;
let other: string;
const ids: Record<string, string> = {};

async function submission(userId: string, slug: string, kind: "run" | "submit", verdict: string | null, code = "x") {
  const problem = await db.problem.findUniqueOrThrow({ where: { slug }, include: { versions: true } });
  const row = await db.submission.create({
    data: { userId, problemId: problem.id, problemVersionId: problem.versions[0].id, code, kind, status: verdict ? "done" : "queued", verdict },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  for (const p of PROBLEMS) await syncPackage(db, { ...fixturePackage, config: { ...fixturePackage.config, ...p } });
  await db.problem.update({ where: { slug: "list-hidden" }, data: { published: false } });
  me = (await db.user.create({ data: { email: "me@list.test", name: "Me", passwordHash: "-", role: "candidate" } })).id;
  other = (await db.user.create({ data: { email: "other@list.test", name: "Other", passwordHash: "-", role: "candidate" } })).id;
  // Mine: sleep solved after a wrong try; pool only a Run that passed the samples; counter a wrong Submit.
  ids.mineOld = await submission(me, "list-sleep", "submit", "wrong_answer", "export const a = 1;\n");
  ids.mineNew = await submission(me, "list-sleep", "submit", "accepted", "export const a = 2;\n");
  await submission(me, "list-pool", "run", "accepted");
  await submission(me, "list-counter", "submit", "wrong_answer");
  // Theirs: primes accepted, which must not make it solved (or even attempted) for me.
  await submission(other, "list-primes", "submit", "accepted");
  ids.theirsSleep = await submission(other, "list-sleep", "submit", "accepted", "secret\n");
});
afterAll(async () => {
  await db.$disconnect();
  tempDatabase.remove();
});

const slugs = async (filters: Parameters<typeof listProblemsForCandidate>[1], userId = me) => (await listProblemsForCandidate(userId, filters)).map((p) => p.slug).sort();

describe("listProblemsForCandidate", () => {
  it("lists every published problem with this user's status, never an unpublished one", async () => {
    const all = await listProblemsForCandidate(me, {});
    expect(Object.fromEntries(all.map((p) => [p.slug, p.status]))).toEqual({
      "list-sleep": "solved",
      "list-pool": "attempted",
      "list-counter": "attempted",
      "list-primes": "new",
    });
  });

  it("gives each user their own status", async () => {
    const theirs = await listProblemsForCandidate(other, {});
    expect(Object.fromEntries(theirs.map((p) => [p.slug, p.status]))).toMatchObject({ "list-primes": "solved", "list-sleep": "solved", "list-pool": "new" });
  });

  it("filters by status in the query", async () => {
    expect(await slugs({ status: "solved" })).toEqual(["list-sleep"]);
    expect(await slugs({ status: "attempted" })).toEqual(["list-counter", "list-pool"]);
    expect(await slugs({ status: "new" })).toEqual(["list-primes"]);
  });

  it("filters by track and difficulty, combined", async () => {
    expect(await slugs({ track: "async" })).toEqual(["list-pool", "list-sleep"]);
    expect(await slugs({ track: "async", difficulty: "medium" })).toEqual(["list-pool"]);
    expect(await slugs({ difficulty: "easy", status: "attempted" })).toEqual(["list-counter"]);
    expect(await slugs({ track: "workers", status: "solved" })).toEqual([]);
  });

  it("searches title and slug, ignoring case", async () => {
    expect(await slugs({ q: "pool" })).toEqual(["list-pool"]);
    expect(await slugs({ q: "PRIMES" })).toEqual(["list-primes"]);
    expect(await slugs({ q: "list-c" })).toEqual(["list-counter"]);
    expect(await slugs({ q: "no such thing" })).toEqual([]);
  });
});

describe("parseProblemFilters (URL search params)", () => {
  it("reads known values and drops unknown or empty ones instead of failing", () => {
    expect(parseProblemFilters({ track: "threads", difficulty: "hard", status: "new", q: "  pool " })).toEqual({ track: "threads", difficulty: "hard", status: "new", q: "pool" });
    expect(parseProblemFilters({ track: "gpu", difficulty: "", status: ["solved", "new"], q: "" })).toEqual({ track: undefined, difficulty: undefined, status: "solved", q: undefined });
    expect(parseProblemFilters({ q: "x".repeat(101) }).q).toBeUndefined();
  });
});

describe("getOwnSubmissionPair (diff ownership)", () => {
  it("returns both of my submissions with their code", async () => {
    const pair = await getOwnSubmissionPair(me, "list-sleep", { a: ids.mineOld, b: ids.mineNew });
    expect(pair?.a.code).toBe("export const a = 1;\n");
    expect(pair?.b.code).toBe("export const a = 2;\n");
  });

  it("finds nothing when either id is another user's", async () => {
    expect(await getOwnSubmissionPair(me, "list-sleep", { a: ids.mineOld, b: ids.theirsSleep })).toBeNull();
    expect(await getOwnSubmissionPair(me, "list-sleep", { a: ids.theirsSleep, b: ids.mineNew })).toBeNull();
    expect(await getOwnSubmissionPair(other, "list-sleep", { a: ids.mineOld, b: ids.mineNew })).toBeNull();
  });

  it("finds nothing for another problem's slug or an id that does not exist", async () => {
    expect(await getOwnSubmissionPair(me, "list-pool", { a: ids.mineOld, b: ids.mineNew })).toBeNull();
    expect(await getOwnSubmissionPair(me, "list-sleep", { a: ids.mineOld, b: "nope" })).toBeNull();
  });

  it("accepts the same id twice (an empty diff)", async () => {
    const pair = await getOwnSubmissionPair(me, "list-sleep", { a: ids.mineNew, b: ids.mineNew });
    expect(pair?.a.id).toBe(ids.mineNew);
    expect(pair?.b.id).toBe(ids.mineNew);
  });

  it("refuses malformed ids before any query", () => {
    expect(submissionPairSchema.safeParse({ a: ids.mineOld, b: undefined }).success).toBe(false);
    expect(submissionPairSchema.safeParse({ a: "x' OR 1=1 --", b: ids.mineNew }).success).toBe(false);
    expect(submissionPairSchema.safeParse({ a: ids.mineOld, b: ids.mineNew }).success).toBe(true);
  });
});
