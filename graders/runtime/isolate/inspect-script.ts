/**
 * The runtime's second script (bundled to dist/runtime-inspect.js): node-inspect-extracted, which a
 * thread compiles and sets up only when it first formats a value (inspect-lib.ts). Kept out of the
 * prelude so a new isolate does not deserialize its bytecode: with it in the prelude's code cache a
 * new isolate cost about 0.8 ms more CPU, and most graded runs never print. It has a code cache of its
 * own, made like the prelude's after the rehearsal formatted every kind of value (host-bridge.ts).
 *
 * The script's value is a function returning `load`: the bundle is wrapped so (scripts/build-graders.mjs),
 * and evaluating it defines no global and runs nothing.
 */
import { setPreviewEntries, type PreviewEntries } from "./inspect-preview";

export interface InspectDeps {
  /** The prelude's previewEntries (collection-iterators.ts): it knows the iterators of this thread. */
  previewEntries: PreviewEntries;
}

export function load(deps: InspectDeps): unknown {
  setPreviewEntries(deps.previewEntries);
  return require("node-inspect-extracted");
}
