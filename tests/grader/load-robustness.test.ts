/**
 * The load-robustness proof: verdicts rest on per-thread CPU time and virtual time, so the same
 * submission gets the same verdict whether or not the machine is busy. Here both cores are saturated
 * by a separate CPU-hog process while an accepted and a blocking submission are graded 20 times each,
 * and so are an accepted and a deadlocking threads-track submission (Atomics.wait/notify across threads),
 * and a correct and a sequential solution of three speedup problems. A verdict other than the expected
 * one is shown with its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { figuresOf } from "../../graders/package-check";
import { GraderPool } from "../../graders/pool/supervisor";
import { loadPackage, type ProblemPackage } from "../../graders/problem-package";
import type { Report } from "../../graders/report";
import { fixturePackage } from "./helpers/packages";

const ROUNDS = 20;
const double = fixturePackage("double");
// One sample test is enough to exercise timers and the blocking check; it keeps 40 gradings quick.
const pkg = { ...double, tests: double.tests.slice(0, 1) };
let hog: ChildProcess;
let pool: GraderPool;

beforeAll(() => {
  // One separate process with a busy thread per core.
  const spin = "for (;;) {}";
  const threads = `const { Worker } = require("node:worker_threads"); for (let i = 1; i < ${availableParallelism()}; i++) new Worker(${JSON.stringify(spin)}, { eval: true }); ${spin}`;
  hog = spawn(process.execPath, ["-e", threads], { stdio: "ignore" });
  pool = new GraderPool({ size: 2 });
});
afterAll(async () => {
  hog.kill("SIGKILL");
  await pool.close();
});

/** Grades two submissions side by side, ROUNDS times; the reports of each. */
async function gradePairRounds(p: ProblemPackage, first: string, second: string): Promise<[Report[], Report[]]> {
  const reports: [Report[], Report[]] = [[], []];
  for (let i = 0; i < ROUNDS; i++) {
    const [a, b] = await Promise.all([pool.grade(p, first), pool.grade(p, second)]);
    reports[0].push(a);
    reports[1].push(b);
  }
  return reports;
}

/** Each report's verdict; one other than `expected` comes with the figures behind it, so a failure says why. */
function verdicts(reports: Report[], expected: string): string[] {
  return reports.map((r) => {
    return r.verdict === expected ? r.verdict : `${r.verdict}: ${r.summary} Figures: ${figuresOf(r)}`;
  });
}

describe("verdicts under load", () => {
  it(`gives the same verdict ${ROUNDS} times to an accepted and to a blocking submission while both cores are busy`, async () => {
    const [accepted, blocking] = await gradePairRounds(pkg, double.solutions["reference.ts"], double.wrong["busy-wait.ts"].source);
    expect(hog.exitCode).toBeNull(); // the load was there the whole time
    expect(verdicts(accepted, "accepted")).toEqual(Array(ROUNDS).fill("accepted"));
    expect(verdicts(blocking, "blocked_event_loop")).toEqual(Array(ROUNDS).fill("blocked_event_loop"));
  });
});

describe("threads-track verdicts under load", () => {
  // Every grading runs each test under many perturbed schedules. A notify that slipped between two
  // chunks of a host wait once turned dining-philosophers' reference into a false deadlock; a notify
  // that woke a waiter on another address would let the missing notify below pass.
  const queue = loadPackage(join(__dirname, "../../problems/bounded-blocking-queue"));
  const samples = { ...queue, tests: queue.tests.filter((t) => t.sample) };
  it(`gives the same verdict ${ROUNDS} times to bounded-blocking-queue's reference and to a dequeue that never notifies`, async () => {
    const [accepted, deadlocked] = await gradePairRounds(samples, queue.solutions["reference.ts"], queue.wrong["no-notify-on-dequeue.ts"].source);
    expect(hog.exitCode).toBeNull();
    expect(verdicts(accepted, "accepted")).toEqual(Array(ROUNDS).fill("accepted"));
    expect(verdicts(deadlocked, "deadlock")).toEqual(Array(ROUNDS).fill("deadlock"));
  }, 400_000); // 65 s measured with the hog and another test run on two cores
});

describe("the favourable schedule under load", () => {
  // A race_condition verdict needs one schedule under which the racy solution is right. In the
  // threads track that is seed 0, which must therefore hold whatever the machine's load: a print
  // waits in virtual time for the prints before it, never in wall time.
  const printInOrder = loadPackage(join(__dirname, "../../problems/print-in-order"));
  const ROUNDS_SEED0 = 6;
  it(`lets a solution without synchronisation pass every print-in-order test under seed 0, ${ROUNDS_SEED0} times`, async () => {
    const reports: Report[] = [];
    for (let i = 0; i < ROUNDS_SEED0; i++) reports.push(await pool.grade(printInOrder, printInOrder.wrong["no-sync.ts"].source, { seed: 0 }));
    expect(hog.exitCode).toBeNull();
    expect(verdicts(reports, "accepted")).toEqual(Array(ROUNDS_SEED0).fill("accepted"));
  });
});

describe("speedup verdicts under load", () => {
  // Speedup is each thread's CPU time along the critical path, measured with the run's threads taking
  // turns (graders/sandbox/thread-turn.ts). word-frequency has the thinnest margin of the five speedup
  // problems: a correct solution reads about 1.35-1.5 against 1.2 required, a sequential one 0.95-1.05.
  // count-primes (eight rounds) and matrix-multiply (twelve rounds), 1.3 required: their correct solutions
  // read about 1.87 and 1.43-1.93 under the hog, their sequential ones 0.82-1.21. parallel-sort (nine
  // rounds, 1.3 required): its sample sort read 1.46-1.74 under the hog, two gradings at a time.
  const cases = [
    ["word-frequency", "reference.ts"], ["count-primes", "independent.ts"], ["matrix-multiply", "independent.ts"], ["parallel-sort", "independent.ts"],
  ];
  for (const [slug, correct] of cases) {
    const problem = loadPackage(join(__dirname, "../../problems", slug));
    const sample = { ...problem, tests: problem.tests.filter((t) => t.sample && t.threadsInTurn) };
    it(`gives the same verdict ${ROUNDS} times to ${slug}'s ${correct} and to a sequential solution`, async () => {
      expect(sample.tests.length).toBe(1);
      const [accepted, slow] = await gradePairRounds(sample, problem.solutions[correct], problem.wrong["sequential.ts"].source);
      expect(hog.exitCode).toBeNull();
      expect(verdicts(accepted, "accepted")).toEqual(Array(ROUNDS).fill("accepted"));
      expect(verdicts(slow, "insufficient_speedup")).toEqual(Array(ROUNDS).fill("insufficient_speedup"));
    }, 900_000);
  }
});
