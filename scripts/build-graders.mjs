// Bundles what runs outside jest/tsx: the in-isolate runtime (one script evaluated in every candidate
// isolate) and the host-side scripts that grader processes and their threads load. Output: dist/.
import { build } from "esbuild";

const node = { bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: "inline", external: ["isolated-vm", "typescript", "koffi"], logLevel: "warning" };
const isolate = { bundle: true, platform: "neutral", format: "iife", target: "es2022", logLevel: "warning", mainFields: ["module", "main"] };
const entries = [
  { in: "graders/runtime/isolate/prelude.ts", out: "dist/runtime-prelude.js", opts: isolate },
  { in: "graders/sandbox/thread-host.ts", out: "dist/thread-host.js", opts: node },
  { in: "graders/pool/grader-process.ts", out: "dist/grader-process.js", opts: node },
];
for (const e of entries) await build({ entryPoints: [e.in], outfile: e.out, ...e.opts });
console.log("graders built");
