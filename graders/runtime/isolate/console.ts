/** console, formatted by Node's own util.inspect (node-inspect-extracted), written through the host. */
import { formatWithOptions, inspect } from "./inspect-lib";
import { host } from "./host";
import { formatTable } from "./console-table";

const STDOUT = 0;
const STDERR = 1;
let groupIndent = "";
const counts = new Map<string, number>();
const timers = new Map<string, number>();

function fmt(args: unknown[]): string {
  return formatWithOptions({ colors: false }, ...args);
}

function write(stream: number, text: string): void {
  if (groupIndent) text = groupIndent + text.split("\n").join("\n" + groupIndent);
  host.write(stream, text + "\n");
}

function label(l: unknown): string {
  return l === undefined ? "default" : String(l);
}

function elapsed(start: number): string {
  const ms = host.now() - start;
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

export function createConsole(): Console {
  const c = {
    log: (...a: unknown[]) => write(STDOUT, fmt(a)),
    info: (...a: unknown[]) => write(STDOUT, fmt(a)),
    debug: (...a: unknown[]) => write(STDOUT, fmt(a)),
    error: (...a: unknown[]) => write(STDERR, fmt(a)),
    warn: (...a: unknown[]) => write(STDERR, fmt(a)),
    dir: (obj: unknown, options?: object) => write(STDOUT, inspect(obj, { customInspect: false, ...options })),
    dirxml: (...a: unknown[]) => write(STDOUT, fmt(a)),
    trace: (...a: unknown[]) => {
      const err = { name: "Trace", message: fmt(a), stack: "" };
      (Error as unknown as { captureStackTrace(o: object, f: unknown): void }).captureStackTrace(err, c.trace);
      write(STDERR, err.stack || `Trace: ${err.message}`);
    },
    assert: (cond: unknown, ...a: unknown[]) => {
      if (cond) return;
      if (a.length > 0 && typeof a[0] === "string") {
        a[0] = `Assertion failed: ${a[0]}`;
        write(STDERR, fmt(a));
      } else write(STDERR, fmt(["Assertion failed", ...a]));
    },
    count: (l?: unknown) => {
      const k = label(l);
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      write(STDOUT, `${k}: ${n}`);
    },
    countReset: (l?: unknown) => {
      const k = label(l);
      if (counts.has(k)) counts.set(k, 0);
      else write(STDERR, `Count for '${k}' does not exist`);
    },
    group: (...a: unknown[]) => {
      if (a.length) write(STDOUT, fmt(a));
      groupIndent += "  ";
    },
    groupCollapsed: (...a: unknown[]) => c.group(...a),
    groupEnd: () => {
      groupIndent = groupIndent.slice(0, -2);
    },
    time: (l?: unknown) => {
      const k = label(l);
      if (timers.has(k)) write(STDERR, `(node) Warning: Label '${k}' already exists for console.time()`);
      else timers.set(k, host.now());
    },
    timeEnd: (l?: unknown) => {
      const k = label(l);
      const s = timers.get(k);
      if (s === undefined) return write(STDERR, `(node) Warning: No such label '${k}' for console.timeEnd()`);
      timers.delete(k);
      write(STDOUT, `${k}: ${elapsed(s)}`);
    },
    timeLog: (l?: unknown, ...a: unknown[]) => {
      const k = label(l);
      const s = timers.get(k);
      if (s === undefined) return write(STDERR, `(node) Warning: No such label '${k}' for console.timeLog()`);
      write(STDOUT, fmt([`${k}: ${elapsed(s)}`, ...a]));
    },
    table: (data: unknown, properties?: unknown) => write(STDOUT, formatTable(data, properties) ?? fmt([data])),
  };
  return c as unknown as Console;
}
