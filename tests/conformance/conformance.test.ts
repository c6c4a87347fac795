/**
 * Conformance: every program in tests/fixtures/conformance must print in the sandbox exactly what
 * real Node.js printed (recorded by generate-expected.mjs): stdout line for line, stderr, exit code.
 * Programs only use the catalogue's runtime subset and are deterministic under Node.
 */
import { describe, it, expect } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runFileInSandbox } from "./run-in-sandbox";

const fixtures = join(__dirname, "..", "fixtures", "conformance");
const programPattern = /^\d\d-[a-z0-9-]+\.(mjs|ts)$/;

interface Expected {
  program: string;
  stdout: string;
  /** null: Node's crash report carries host paths; then only stderrIncludes must appear. */
  stderr: string | null;
  stderrIncludes?: string[];
  exitCode: number;
}

const programs = readdirSync(fixtures).filter((f) => programPattern.test(f)).sort();

function expectedFor(program: string): Expected {
  const file = join(fixtures, "expected", program.replace(/\.(mjs|ts)$/, ".json"));
  if (!existsSync(file)) throw new Error(`no expected output for ${program}: run node tests/conformance/generate-expected.mjs`);
  return JSON.parse(readFileSync(file, "utf8")) as Expected;
}

describe("conformance corpus", () => {
  it("has at least 40 programs, each with a recorded expectation", () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
    for (const p of programs) expect(expectedFor(p).program).toBe(p);
  });
});

// Known differences from Node, tracked on issue 3. `it.failing` keeps them running: each turns red the day
// the runtime matches Node, so it must then leave this list.
const KNOWN_GAPS: Record<string, string> = {};

describe("sandbox output equals real Node.js", () => {
  for (const program of programs) {
    const test = program in KNOWN_GAPS ? it.failing : it;
    test(KNOWN_GAPS[program] ? `${program} (known gap: ${KNOWN_GAPS[program]})` : program, async () => {
      const expected = expectedFor(program);
      const got = await runFileInSandbox(join(fixtures, program));
      // Lines first: jest's diff then points at the first differing line.
      // The sandbox's message is undefined on a normal end, so it only shows up in a failing diff.
      expect({ status: got.status, message: got.message, stdout: got.stdout.split("\n") }).toEqual({
        status: expected.exitCode === 0 ? "ok" : got.status,
        message: expected.exitCode === 0 ? undefined : got.message,
        stdout: expected.stdout.split("\n"),
      });
      if (expected.stderr !== null) expect(got.stderr.split("\n")).toEqual(expected.stderr.split("\n"));
      for (const line of expected.stderrIncludes ?? []) expect(got.stderr).toContain(line);
      expect(got.exitCode).toBe(expected.exitCode);
    }, 150_000);
  }
});
