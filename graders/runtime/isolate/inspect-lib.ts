/**
 * Node's util.inspect (node-inspect-extracted), set up in a thread the first time it is needed.
 *
 * Its set-up (the primordials and their Safe classes, the inspect tables) cost every new isolate about
 * 1.7 ms of CPU on a machine where the whole isolate cost 7.4 (a new isolate per test, three per
 * grading of a small problem), though most graded runs print nothing. Its code is a script of its own
 * (inspect-script.ts), which the host compiles into the isolate on request, from a code cache of its own.
 * - `npm run sandbox` (program mode) sets it up in rt.init, before any candidate code, on no clock: it
 *   captures the built-ins untouched, as Node's primordials do, whatever the program rewrites later.
 * - A graded run sets it up at its first console call or uncaught error, on the candidate's clock, as
 *   Node's own first console.log costs several ms. By then lockIntrinsics has frozen the built-ins a
 *   driver relies on; a program that rewrote one of the others (RegExp.prototype, Error.prototype)
 *   before printing gets its own rewrite in what it prints.
 */
import type * as Util from "node-inspect-extracted";
import { host } from "./host";
import { previewEntries } from "./collection-iterators";
import type { InspectDeps } from "./inspect-script";

type InspectLib = typeof Util & {
  /** Full-width code points count 2, combining marks 0: the width Node pads console.table by. */
  getStringWidth(text: string): number;
};

let lib: InspectLib | null = null;

export function inspectLib(): InspectLib {
  if (!lib) {
    // The script's value is a function returning its `load`, called here, where the watchdog can stop
    // what it runs (a worker may have replaced the Object.defineProperty the bundle's top level calls).
    const script = host.inspectScript() as () => (deps: InspectDeps) => InspectLib;
    lib = script()({ previewEntries });
  }
  return lib;
}

export function inspect(value: unknown, options?: Util.InspectOptions): string {
  return inspectLib().inspect(value, options);
}

export function formatWithOptions(options: Util.InspectOptions, ...args: unknown[]): string {
  return inspectLib().formatWithOptions(options, ...args);
}
