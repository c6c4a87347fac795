/**
 * The in-isolate runtime, evaluated first in every candidate isolate (bundled to dist/runtime-prelude.js).
 * It installs the candidate-facing globals and builtin modules and returns `rt`, the object the host
 * drives one macrotask at a time. `rt` is the script's completion value, never a global.
 */
import { O, then } from "./intrinsics";
import { host, ctl, CTL, attachHost } from "./host";
import * as timers from "./timers";
import { createConsole } from "./console";
import { EventEmitter, once, Event, EventTarget, AbortController, AbortSignal, DOMException, abortError } from "./events";
import { TextEncoder, TextDecoder } from "./text-codec";
import { URL } from "./url";
import * as msg from "./messaging";
import { installAtomics } from "./atomics";
import { limitWasmMemory } from "./wasm-memory";
import { hostSharedArrayBuffers } from "./shared-buffer";
import { adoptSharedIds } from "./shared-identity";
import { rewriteDynamicImports } from "./dynamic-import";
import { lockIntrinsics } from "./intrinsics-lock";
import { createHarness } from "./harness";
import { reportUncaught, describeError } from "./uncaught";
import { formatWithOptions, inspect, inspectLib } from "./inspect-lib";
import { installIteratorKinds } from "./collection-iterators";
import { trackDeferredWork } from "./deferred-work";

interface InitConfig {
  threadId: number;
  isMainThread: boolean;
  seed: number;
  cores: number;
  epochMs: number;
  workerData?: unknown;
  forbid?: string[];
  trusted?: string[];
  memoryMb?: number;
  /** Set util.inspect up now, before any candidate code (program mode: the runtime as Node's; inspect-lib.ts). */
  eagerInspect?: boolean;
}

const g = globalThis as unknown as Record<string, unknown>;
const RealDate = Date;
let epochMs = 0;
let testModules: { driver: Record<string, unknown>; solution: unknown } = { driver: {}, solution: undefined };
let builtins: Record<string, { named: Record<string, unknown>; default: unknown }> = {};

function define(name: string, value: unknown): void {
  O.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
}

function virtualDate(): DateConstructor {
  const now = () => epochMs + Math.floor(host.now());
  function VDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  VDate.prototype = RealDate.prototype;
  // Node's Date is named Date and takes 7 arguments; util.inspect prefixes a Date whose constructor has another name.
  O.defineProperty(VDate, "name", { value: "Date", configurable: true });
  O.defineProperty(VDate, "length", { value: 7, configurable: true });
  VDate.now = now;
  VDate.parse = RealDate.parse;
  VDate.UTC = RealDate.UTC;
  O.defineProperty(RealDate.prototype, "constructor", { value: VDate, writable: true, configurable: true, enumerable: false });
  return VDate as unknown as DateConstructor;
}

function timersPromises() {
  const setTimeoutP = (ms?: number, value?: unknown, options: { signal?: AbortSignal; ref?: boolean } = {}) =>
    new O.Promise((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) return reject(abortError(signal.reason));
      const onAbort = () => {
        timers.clearTimeout(t);
        reject(abortError(signal!.reason));
      };
      const t = timers.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve(value);
      }, ms);
      if (options.ref === false) t.unref();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  const setImmediateP = (value?: unknown, options: { signal?: AbortSignal; ref?: boolean } = {}) =>
    new O.Promise((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) return reject(abortError(signal.reason));
      const onAbort = () => {
        timers.clearImmediate(i);
        reject(abortError(signal!.reason));
      };
      const i = timers.setImmediate(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve(value);
      });
      if (options.ref === false) i.unref();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  async function* setIntervalP(ms?: number, value?: unknown, options: { signal?: AbortSignal; ref?: boolean } = {}) {
    const signal = options.signal;
    if (signal?.aborted) throw abortError(signal.reason);
    let pending = 0;
    let wake: (() => void) | null = null;
    const t = timers.setInterval(() => {
      pending++;
      wake?.();
    }, ms);
    if (options.ref === false) t.unref();
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        if (pending === 0) await new O.Promise<void>((r) => (wake = r));
        wake = null;
        if (signal?.aborted) throw abortError(signal.reason);
        while (pending > 0) {
          pending--;
          yield value;
        }
      }
    } finally {
      timers.clearInterval(t);
      signal?.removeEventListener("abort", onAbort);
    }
  }
  return {
    setTimeout: setTimeoutP,
    setImmediate: setImmediateP,
    setInterval: setIntervalP,
    scheduler: { wait: (ms: number, o?: { signal?: AbortSignal }) => setTimeoutP(ms, undefined, o), yield: () => setImmediateP() },
  };
}

function mod(named: Record<string, unknown>, dflt?: unknown) {
  return { named, default: dflt === undefined ? named : dflt };
}

function buildBuiltins(cfg: InitConfig, performance: object, harness: Record<string, unknown>) {
  const t = msg.threadInfo;
  const workerThreads = {
    Worker: msg.Worker,
    MessageChannel: msg.MessageChannel,
    MessagePort: msg.MessagePort,
    isMainThread: t.isMainThread,
    parentPort: t.parentPort,
    workerData: t.workerData,
    threadId: t.threadId,
    resourceLimits: {},
    SHARE_ENV: Symbol("nodejs.worker_threads.SHARE_ENV"),
    markAsUntransferable: () => undefined,
  };
  const timersMod = {
    setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout, setInterval: timers.setInterval,
    clearInterval: timers.clearInterval, setImmediate: timers.setImmediate, clearImmediate: timers.clearImmediate,
  };
  const cpus = () => Array.from({ length: cfg.cores }, () => ({ model: "sandbox vCPU", speed: 2000, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }));
  const os = {
    cpus, availableParallelism: () => cfg.cores, EOL: "\n", platform: () => "linux", type: () => "Linux", arch: () => "x64",
    release: () => "sandbox", hostname: () => "sandbox", endianness: () => "LE", totalmem: () => 2 ** 31, freemem: () => 2 ** 30,
    uptime: () => Math.floor(host.now() / 1000), loadavg: () => [0, 0, 0], homedir: () => "/", tmpdir: () => "/tmp",
  };
  const events = { EventEmitter, once, Event, EventTarget, errorMonitor: EventEmitter.errorMonitor, defaultMaxListeners: EventEmitter.defaultMaxListeners };
  const table: Record<string, { named: Record<string, unknown>; default: unknown }> = {
    "node:worker_threads": mod(workerThreads),
    "node:timers": mod(timersMod),
    "node:timers/promises": mod(timersPromises()),
    "node:os": mod(os),
    "node:perf_hooks": mod({ performance }),
    "node:events": mod(events, EventEmitter),
  };
  for (const k of Object.keys(table)) table[k.slice(5)] = table[k];
  table["grader:harness"] = mod(harness);
  table["grader:boot"] = mod({
    mainDone: () => host.mainDone(),
    setTest: (driver: Record<string, unknown>, solution: unknown) => {
      testModules = { driver, solution };
    },
  });
  return table;
}

function installForbidden(paths: string[], trusted: string[]): void {
  for (const path of paths) {
    const parts = path.split(".");
    let owner: unknown = g;
    for (const p of parts.slice(0, -1)) owner = owner && (owner as Record<string, unknown>)[p];
    const key = parts[parts.length - 1];
    if (!owner || !(key in (owner as object))) continue;
    const orig = (owner as Record<string, unknown>)[key] as (...a: unknown[]) => unknown;
    const guard = {
      [key](this: unknown, ...args: unknown[]) {
        const stack = String(new O.Error().stack).split("\n");
        const caller = stack[2] ?? "";
        if (trusted.some((t) => caller.includes(t))) return O.reflectApply(orig, this, args);
        host.forbidden(path);
        throw new O.TypeError(`${path} is not allowed in this problem`);
      },
    }[key];
    O.defineProperty(owner as object, key, { value: guard, writable: true, configurable: true, enumerable: false });
  }
}

function settleWith(fn: () => unknown): void {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    host.settle(false, safeClone(e));
    return;
  }
  then(O.promiseResolve(result), (v) => host.settle(true, v), (e) => host.settle(false, safeClone(e)));
}

function safeClone(e: unknown): unknown {
  try {
    host.clone(e);
    return e;
  } catch {
    return describeError(e);
  }
}

/** Every kind of value through every format directive and inspect (the rehearsal's pass, see rt.rehearse). */
function formatEverything(): number {
  class Sample {
    x = 1;
  }
  const e = new TypeError("warm");
  const values: unknown[] = [1, -0, 1n, "s", Symbol("s"), null, undefined, [1, [2, [3]]], { a: { b: { c: {} } } }, new Map([[1, { a: 1 }]]),
    new Set([1]), new Sample(), e, () => 1, new Int32Array(2), new ArrayBuffer(2), Promise.resolve(1), new Date(0), /x/g, Object.create(null)];
  let n = formatWithOptions({ colors: false }, "%s", ...values).length + inspect(values).length;
  n += formatWithOptions({ colors: false }, "%d %i %f %o %O %c%%", 1.5, 2n, "3", values[8], values[9], "").length;
  n += formatWithOptions({ colors: false }, e).length;
  return n;
}

const rt = {
  attach(): void {
    attachHost();
    installIteratorKinds();
  },
  init(cfg: InitConfig): void {
    epochMs = cfg.epochMs;
    if (cfg.eagerInspect) inspectLib();
    msg.initThread(cfg.isMainThread, cfg.threadId, cfg.workerData);
    const performance = O.freeze({ now: () => host.now(), timeOrigin: epochMs, toJSON: () => ({ timeOrigin: epochMs }) });
    const sleep = (ms: number) => new O.Promise<void>((r) => timers.setTimeout(r, ms));
    const harness = createHarness(cfg.seed, cfg.threadId, sleep);
    define("console", createConsole());
    define("setTimeout", timers.setTimeout);
    define("clearTimeout", timers.clearTimeout);
    define("setInterval", timers.setInterval);
    define("clearInterval", timers.clearInterval);
    define("setImmediate", timers.setImmediate);
    define("clearImmediate", timers.clearImmediate);
    define("queueMicrotask", (cb: () => void) => {
      if (typeof cb !== "function") throw new TypeError(`The "callback" argument must be of type function. Received ${typeof cb}`);
      then(O.promiseResolve(undefined), () => {
        try {
          cb();
        } catch (e) {
          reportUncaught(e);
        }
      }, () => undefined);
    });
    define("structuredClone", msg.structuredClone);
    define("performance", performance);
    define("Date", virtualDate());
    define("AbortController", AbortController);
    define("AbortSignal", AbortSignal);
    define("Event", Event);
    define("EventTarget", EventTarget);
    define("DOMException", DOMException);
    define("TextEncoder", TextEncoder);
    define("TextDecoder", TextDecoder);
    define("URL", URL);
    define("MessageChannel", msg.MessageChannel);
    define("MessagePort", msg.MessagePort);
    define("MessageEvent", msg.MessageEvent);
    define("global", globalThis);
    installAtomics(cfg.seed, cfg.threadId);
    trackDeferredWork();
    limitWasmMemory((cfg.memoryMb ?? 128) * 1024 * 1024);
    hostSharedArrayBuffers((cfg.memoryMb ?? 128) * 1024 * 1024);
    builtins = buildBuiltins(cfg, performance, harness);
    define("__grader_builtins", builtins);
    installForbidden(cfg.forbid ?? [], cfg.trusted ?? []);
    timers.publishTimers();
    msg.refsChanged();
  },
  /**
   * The timer paths once, before candidate code and outside any measured task: their first calls would
   * otherwise sit between two setTimeout calls of the candidate and could push the second into the
   * next millisecond. Cheap, so every new isolate runs it.
   */
  warmup(): void {
    timers.clearTimeout(timers.setTimeout(() => undefined, 1));
    timers.clearInterval(timers.setInterval(() => undefined, 1));
    timers.clearImmediate(timers.setImmediate(() => undefined));
    timers.publishTimers();
  },
  /**
   * A run's set-up with a stand-in configuration, and one pass over every kind of value and format
   * directive, in a throwaway isolate the host makes the prelude's code cache from (host-bridge.ts
   * rehearseOnce): no candidate code runs here, ever. The cache then holds the bytecode of the
   * formatting and error paths, so a new isolate's first console.log compiles nothing.
   *
   * New isolates no longer repeat the formatting pass: with the bytecode cached it only set up inline
   * caches and regular expressions, and it cost each new isolate about 3.6 ms of CPU (a 3-test grading
   * 11 ms of its 52) to spare the candidate about 0.7 ms at its first console.log, which the candidate
   * now pays, the same in every run (measured with performance.now() around console.log in
   * `npm run sandbox` and `npm run bench -- grader`: 0.7-1.1 ms for the first call without the pass,
   * 0.3-0.5 with it, 0.1-0.3 later).
   */
  rehearse(memoryMb: number): number {
    rt.init({ threadId: 0, isMainThread: true, seed: 0, cores: 1, epochMs: 0, forbid: [], trusted: [], memoryMb });
    for (const spec of Object.keys(builtins)) rt.exportNames(spec);
    rt.sealBuiltins();
    lockIntrinsics();
    return formatEverything();
  },
  exportNames(spec: string): string[] | null {
    const b = builtins[spec];
    return b ? Object.keys(b.named) : null;
  },
  sealBuiltins(): void {
    delete g.__grader_builtins;
  },
  lockIntrinsics,
  runTimer: (): number => (timers.runNextTimer() ? 1 : 0),
  beginCheck: (): void => timers.beginCheck(),
  runImmediate: (): number => (timers.runNextImmediate() ? 1 : 0),
  deliver(ev: { k: string; id: number; type?: string; data?: unknown; ok?: boolean }): void {
    try {
      msg.deliver(ev);
    } catch (e) {
      reportUncaught(e);
    }
  },
  flushLocal(): number {
    try {
      return msg.flushLocal() ? 1 : 0;
    } catch (e) {
      reportUncaught(e);
      return 1;
    }
  },
  runTest(input: unknown): void {
    const { driver, solution } = testModules;
    settleWith(() => (driver.run as (i: unknown, s: unknown) => unknown)(input, solution));
  },
  runThread(entry: string, data: unknown): void {
    const { driver, solution } = testModules;
    settleWith(() => {
      const f = driver[entry];
      if (typeof f !== "function") throw new TypeError(`driver has no thread entry "${entry}"`);
      return (f as (d: unknown, s: unknown) => unknown)(adoptSharedIds(data), solution);
    });
  },
  runCommonJs(source: string): void {
    const builtin = (name: unknown) => {
      const spec = String(name);
      const b = builtins[spec] ?? builtins["node:" + spec];
      if (!b || spec.startsWith("grader:")) {
        const e = new Error(`Cannot find module '${spec}'\nRequire stack:\n- [worker eval]`);
        (e as unknown as { code: string }).code = "MODULE_NOT_FOUND";
        throw e;
      }
      return b;
    };
    const req = (name: string) => builtin(name).default;
    const module = { exports: {} as unknown };
    // As in Node, a built-in's dynamic import gives its named exports plus the CommonJS default.
    const dynamicImport = (name: unknown) =>
      new Promise((resolve) => {
        const b = builtin(name);
        resolve(Object.freeze(Object.assign(Object.create(null), b.named, { default: b.default })));
      });
    try {
      const f = new Function("exports", "require", "module", "__filename", "__dirname", "__import", rewriteDynamicImports(source));
      f.call(module.exports, module.exports, req, module, "[worker eval]", ".", dynamicImport);
    } catch (e) {
      reportUncaught(e);
    }
  },
  state(): number[] {
    return [ctl[CTL.NEXT_EXPIRY], ctl[CTL.REF_TIMERS], ctl[CTL.IMMEDIATES], ctl[CTL.REF_HANDLES], ctl[CTL.LOCAL_PENDING]];
  },
};

(globalThis as unknown as Record<string, unknown>).__grader_rt = rt;
