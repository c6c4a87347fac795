/** Baseline (a): a fresh `node` process per submission, like Judge0/Piston, running judge-child.mjs. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { compilerOptions } from "../graders/compiler-options";
import type { ProblemPackage } from "../graders/problem-package";

/** `typeCheck`: check types first, as tsc-based runners do; else transpile only. */
export async function gradeInFreshProcess(pkg: ProblemPackage, source: string, typeCheck = false): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bench-judge-"));
  writeFileSync(join(dir, "solution.ts"), source);
  writeFileSync(join(dir, "driver.ts"), pkg.driver);
  writeFileSync(join(dir, "tests.json"), JSON.stringify(pkg.tests));
  if (typeCheck) writeFileSync(join(dir, "compiler-options.json"), JSON.stringify(compilerOptions(ts)));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(__dirname, "judge-child.mjs"), dir, ...(typeCheck ? ["--type-check"] : [])], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`judge child exited with ${code}`))));
    });
    return (JSON.parse(stdout) as { verdict: string }).verdict;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
