// Records what real Node.js prints for every conformance program, into
// tests/fixtures/conformance/expected/<name>.json. Run with real node (not the sandbox):
//
//   node tests/conformance/generate-expected.mjs [name-filter]
//
// Each program runs RUNS times; the outputs must be identical, or the program is not
// deterministic under Node and the script fails (fix the program, never the expectation).
// TypeScript programs are transpiled with the compiler the project pins, then run as .mjs.
// Programs that sleep for hours declare `const LONG = 3_600_000;`: for real Node that one
// constant is scaled down 1000x (the printed lines only use ratios to LONG), so an hour of
// virtual time is checked against a real 3.6 s run; the sandbox runs the file unchanged.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "fixtures", "conformance");
const expectedDir = join(fixtures, "expected");
const RUNS = Number(process.env.RUNS ?? 5);
const LONG_DECL = "const LONG = 3_600_000;";
const LONG_SCALED = "const LONG = 3_600;";

/**
 * Node's crash report on stderr carries file paths, source excerpts and the Node version, none
 * of which the sandbox can or should reproduce. For these programs only the lines named here
 * must appear in stderr; stdout and the exit code are still exact.
 */
const STDERR_INCLUDES = {
  "49-uncaught-exception-exit": ["Error: uncaught in timer"],
  "50-unhandled-rejection-exit": ["Error: nobody handles this"],
};

export const programPattern = /^\d\d-[a-z0-9-]+\.(mjs|ts)$/;

function transpile(source) {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true },
  }).outputText;
}

function runOnce(file) {
  const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 120_000, env: { PATH: process.env.PATH } });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}

function generate(fileName, work) {
  const name = fileName.replace(/\.(mjs|ts)$/, "");
  let source = readFileSync(join(fixtures, fileName), "utf8");
  let scaled;
  if (source.includes(LONG_DECL)) {
    source = source.replace(LONG_DECL, LONG_SCALED);
    scaled = `${LONG_DECL} replaced by ${LONG_SCALED} for real Node`;
  }
  if (fileName.endsWith(".ts")) source = transpile(source);
  const dir = join(work, name);
  mkdirSync(dir);
  const runnable = join(dir, `${name}.mjs`);
  writeFileSync(runnable, source);

  const first = runOnce(runnable);
  for (let i = 1; i < RUNS; i++) {
    const again = runOnce(runnable);
    for (const key of ["stdout", "stderr", "exitCode"]) {
      if (again[key] !== first[key]) {
        throw new Error(`${fileName}: ${key} differs between real Node runs 1 and ${i + 1}:\n--- run 1\n${first[key]}\n--- run ${i + 1}\n${again[key]}`);
      }
    }
  }
  const includes = STDERR_INCLUDES[name];
  if (includes) {
    for (const line of includes) {
      if (!first.stderr.includes(line)) throw new Error(`${fileName}: stderr lacks "${line}":\n${first.stderr}`);
    }
  }
  const expected = {
    program: fileName,
    stdout: first.stdout,
    stderr: includes ? null : first.stderr,
    ...(includes ? { stderrIncludes: includes } : {}),
    exitCode: first.exitCode,
    ...(scaled ? { scaledForRealNode: scaled } : {}),
    recordedWith: `node ${process.version}, ${RUNS} identical runs`,
  };
  writeFileSync(join(expectedDir, `${name}.json`), JSON.stringify(expected, null, 2) + "\n");
  return expected;
}

const filter = process.argv[2];
const files = readdirSync(fixtures).filter((f) => programPattern.test(f) && (!filter || f.includes(filter))).sort();
mkdirSync(expectedDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "conformance-"));
let failed = 0;
try {
  for (const f of files) {
    try {
      const e = generate(f, work);
      console.log(`ok   ${f} (exit ${e.exitCode}, ${e.stdout.split("\n").length - 1} stdout lines)`);
    } catch (err) {
      failed += 1;
      console.log(`FAIL ${err.message}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${files.length - failed} recorded, ${failed} failed`);
process.exit(failed ? 1 : 0);
