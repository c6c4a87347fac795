import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildSync } from "esbuild";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraderPool } from "../../graders/pool/supervisor";
import type { ProblemPackage, TestCase } from "../../graders/problem-package";
import { fixturePackage } from "./helpers/packages";

// Grader processes around a scripted runtime: these tests are about the supervisor, not isolates.
// Bundled once like dist/grader-process.js (a process through tsx takes seconds to start on a busy machine).
const SOURCE = join(__dirname, "../fixtures/grader/processes/scripted-grader.ts");
// Inside the project so the bundle resolves typescript from node_modules.
const SCRIPT = join(__dirname, "../../node_modules/.cache/grader-tests/scripted-grader.js");
beforeAll(() => {
  buildSync({ entryPoints: [SOURCE], outfile: SCRIPT, bundle: true, platform: "node", format: "cjs", target: "node20", external: ["typescript", "isolated-vm"], logLevel: "warning" });
});
const double = fixturePackage("double");
const reference = double.solutions["reference.ts"];
const withTests = (tests: TestCase[]): ProblemPackage => ({ ...double, tests });
const plain = withTests([{ name: "two", sample: true, input: { x: 2 }, expected: { value: 4, waited: true } }]);

/** The core a grader process was given (GRADER_TURN_CPU in its environment, as the pool started it). */
function turnCpuOf(pid: number): string | undefined {
  const entry = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").find((e) => e.startsWith("GRADER_TURN_CPU="));
  return entry?.slice("GRADER_TURN_CPU=".length);
}

const pools: GraderPool[] = [];
function pool(options: ConstructorParameters<typeof GraderPool>[0] = {}): GraderPool {
  const p = new GraderPool({ script: SCRIPT, size: 1, ...options });
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("GraderPool", () => {
  it("grades jobs in a separate process and returns the Report", async () => {
    const p = pool({ size: 2 });
    const reports = await Promise.all([p.grade(plain, reference), p.grade(plain, "export const double: number = 'one';"), p.grade(plain, reference)]);
    expect(reports.map((r) => r.verdict)).toEqual(["accepted", "compile_error", "accepted"]);
    expect(p.pids()).toHaveLength(2);
    expect(p.pids()).not.toContain(process.pid);
  });

  it("gives each grader process its own core for runs whose threads take turns, and a replacement the core its predecessor held", async () => {
    const p = pool({ size: 2 });
    await Promise.all([p.grade(plain, reference), p.grade(plain, reference)]);
    const [a, b] = p.pids();
    expect([turnCpuOf(a), turnCpuOf(b)].sort()).toEqual(["0", "1"]);
    const freed = turnCpuOf(a);
    process.kill(a, "SIGKILL");
    for (let waited = 0; (p.pids().includes(a) || p.pids().length < 2) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const replacement = p.pids().find((pid) => pid !== b)!;
    expect(replacement).not.toBe(a);
    expect(turnCpuOf(replacement)).toBe(freed);
    expect((await p.grade(plain, reference)).verdict).toBe("accepted");
  });

  it("replaces a process whose resident memory passed recycleRssMb between jobs, and loses no job", async () => {
    const kept = pool();
    const recycled = pool({ recycleRssMb: 1 }); // every process is past 1 MB after its first job
    const pidsAfterEachJob = async (p: GraderPool) => {
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) {
        expect((await p.grade(plain, reference)).verdict).toBe("accepted");
        seen.push(...p.pids());
      }
      return seen;
    };
    expect(new Set(await pidsAfterEachJob(kept)).size).toBe(1);
    expect(new Set(await pidsAfterEachJob(recycled)).size).toBe(3);
    const queued = await Promise.all([1, 2, 3].map(() => recycled.grade(plain, reference)));
    expect(queued.map((r) => r.verdict)).toEqual(["accepted", "accepted", "accepted"]);
    expect(recycled.pids()).toHaveLength(1);
  });

  it("retries a job once on a fresh process when its process is SIGKILLed mid-job, then grades the next job", async () => {
    const p = pool();
    const marker = join(mkdtempSync(join(tmpdir(), "pool-")), "killed-once");
    const crashing = withTests([{ name: "crash", sample: true, input: { crash: `once:${marker}`, x: 2 }, expected: { value: 4, waited: true } }]);
    const first = await p.grade(crashing, reference);
    expect(existsSync(marker)).toBe(true);
    const killedPid = Number(readFileSync(marker, "utf8"));
    expect(first.verdict).toBe("accepted");
    expect(p.pids()).not.toContain(killedPid);
    expect((await p.grade(plain, reference)).verdict).toBe("accepted");
  });

  it("gives internal_error (never the candidate's fault) when the process dies on both attempts, and keeps serving", async () => {
    const p = pool();
    const crashing = withTests([{ name: "crash", sample: true, input: { crash: "always" }, expected: null }]);
    const report = await p.grade(crashing, reference);
    expect(report.verdict).toBe("internal_error");
    expect(report.internal).toEqual({ message: "the grader process died (signal SIGKILL), twice", attempts: 2 });
    expect((await p.grade(plain, reference)).verdict).toBe("accepted");
  });

  it("gives memory_limit_exceeded when the process dies of V8 heap exhaustion twice", async () => {
    const p = pool({ execArgv: ["--max-old-space-size=48"] });
    const hog = withTests([{ name: "hog", sample: true, input: { oom: true }, expected: null }]);
    const report = await p.grade(hog, reference);
    expect(report.verdict).toBe("memory_limit_exceeded");
    expect(report.summary).toContain("memory");
    expect((await p.grade(plain, reference)).verdict).toBe("accepted");
  });

  it("kills a hung grader process with the watchdog and answers internal_error", async () => {
    const p = pool({ stepTimeoutMs: 4_000, runMarginMs: -59_000 }); // each run gets 1 s (limits.wallMs 60 s - 59 s)
    const hung = withTests([{ name: "hang", sample: true, input: { hang: true }, expected: null }]);
    const report = await p.grade(hung, reference);
    expect(report.verdict).toBe("internal_error");
    expect(report.internal?.message).toContain("watchdog");
    expect((await p.grade(plain, reference)).verdict).toBe("accepted");
  });

  it("rejects work after close()", async () => {
    const p = pool();
    await p.close();
    await expect(p.grade(plain, reference)).rejects.toMatchObject({ code: "POOL_CLOSED" });
  });
});
