// Bundles what runs outside jest/tsx: the in-isolate runtime (a prelude evaluated in every candidate
// isolate, and util.inspect's script, compiled into one at its first use) and the host-side scripts that
// grader processes and their threads load. Output: dist/.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// node-inspect-extracted stubs V8's internal previewEntries (it returns no entries, so a Map or Set
// iterator printed as "[Map Iterator] {  }"); the runtime's own version goes in its place.
const STUB = "previewEntries:function(t){return[[],!1]}";
const previewEntries = {
  name: "preview-entries",
  setup(b) {
    b.onLoad({ filter: /node-inspect-extracted[\\/]dist[\\/]inspect\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes(STUB)) throw new Error("node-inspect-extracted changed: its previewEntries stub was not found");
      const own = JSON.stringify(resolve("graders/runtime/isolate/inspect-preview.ts"));
      return { contents: text.replace(STUB, `previewEntries:function(t,k){return require(${own}).previewEntries(t,k)}`), loader: "js" };
    });
  },
};

const node = { bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: "inline", external: ["isolated-vm", "typescript", "koffi"], logLevel: "warning" };
const isolate = { bundle: true, platform: "neutral", format: "iife", target: "es2022", logLevel: "warning", mainFields: ["module", "main"] };
// The inspect script's value is a function that returns its `load` (runtime/isolate/inspect-script.ts):
// the CommonJS bundle wrapped in a function expression, not called. So the script defines no global and
// runs nothing when the host evaluates it (outside the watchdog's reach, see host-bridge.ts); the bundle's
// own top level runs when the runtime calls the function, on the candidate's clock.
const inspectScript = {
  ...isolate, format: "cjs", plugins: [previewEntries],
  banner: { js: "(function () {\n\"use strict\";\nconst module = { exports: {} };" }, footer: { js: "return module.exports.load;\n})" },
};
const entries = [
  { in: "graders/runtime/isolate/prelude.ts", out: "dist/runtime-prelude.js", opts: isolate },
  { in: "graders/runtime/isolate/inspect-script.ts", out: "dist/runtime-inspect.js", opts: inspectScript },
  { in: "graders/sandbox/thread-host.ts", out: "dist/thread-host.js", opts: node },
  { in: "graders/pool/grader-process.ts", out: "dist/grader-process.js", opts: node },
  { in: "graders/pool/compiler-process.ts", out: "dist/compiler-process.js", opts: node },
];
for (const e of entries) await build({ entryPoints: [e.in], outfile: e.out, ...e.opts });
console.log("graders built");
