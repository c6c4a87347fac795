/**
 * The one host-side module that owns isolated-vm objects: the isolate, its context, the callbacks the
 * runtime calls and the references the host calls. Only it and the watchdog (isolate-watchdog.ts)
 * import isolated-vm, so no ivm handle can leak to candidate code by accident.
 */
import ivm from "isolated-vm";
import { HOST_CALLBACKS, type SharedAddress } from "../runtime/host-callbacks";
import { CTL } from "../runtime/control-cells";
import { armWatchdog } from "./isolate-watchdog";
import { enterCandidate, leaveCandidate, wasKilled, type WatchCell } from "./watch-cell";

export interface BridgeHooks {
  now(): number;
  write(stream: number, text: string): void;
  post(kind: string, target: number, data: unknown, ports: number[]): void;
  spawn(kind: string, source: string, data: unknown, opts: { name: string; ports: number[] }): number;
  terminate(threadId: number): void;
  wait(ta: Int32Array | BigInt64Array, index: number, value: number | bigint, timeoutMs: number, at: SharedAddress): string;
  notified(ta: Int32Array | BigInt64Array, index: number, count: number | undefined, at: SharedAddress): number;
  delay(us: number): void;
  mark(label: string, data: unknown): void;
  log(text: string): void;
  forbidden(name: string): void;
  settle(ok: boolean, value: unknown): void;
  uncaught(text: string, info: { name: string; message: string; stack?: string }, error: unknown): void;
  channel(): number[];
  portClose(portId: number): void;
  mainDone(): void;
  /** Memory the V8 heap limit does not see (WebAssembly pages) went past the thread's limit. */
  oom(what: string): void;
  /** A new SharedArrayBuffer made on this (host) thread; see runtime/isolate/shared-buffer.ts. */
  sab(byteLength: number): SharedArrayBuffer;
  sharedId(): number;
}

export class ModuleNotFound extends Error {
  readonly code = "ERR_MODULE_NOT_FOUND";
}

/** How a module specifier maps to a source (or a builtin) for one isolate. */
export interface ModuleSource {
  resolve(specifier: string, referrer: string): { path: string; builtin: boolean };
  source(path: string): string;
}

const HOOK_NAMES = HOST_CALLBACKS satisfies readonly (keyof BridgeHooks)[];

/** What the callbacks reach before a thread binds its own hooks (the prelude's warm-up runs no candidate code). */
const UNBOUND: BridgeHooks = {
  now: () => 0, write: () => {}, post: () => {}, spawn: () => -1, terminate: () => {}, wait: () => "timed-out", notified: () => 0,
  delay: () => {}, mark: () => {}, log: () => {}, forbidden: () => {}, settle: () => {}, uncaught: () => {}, channel: () => [0, 1],
  portClose: () => {}, mainDone: () => {}, oom: () => {}, sab: (n) => new SharedArrayBuffer(n), sharedId: () => 0,
};

/** The candidate runtime's two scripts (dist/): the prelude every isolate evaluates, and util.inspect's, compiled on first use. */
export interface RuntimeScripts {
  prelude: string;
  inspect: string;
}

type ScriptName = "grader:runtime" | "grader:inspect";
/** Per host thread, each script's source and the code cache made from it (rehearseOnce). */
const codeCaches = new Map<ScriptName, { code: string; data?: ivm.ExternalCopy<ArrayBuffer> }>();
/** The scripts this host thread's caches were made from, once its rehearsal ran. */
let rehearsed: RuntimeScripts | null = null;

/**
 * An isolate kept after a clean run, for the next run's context: a context with the prelude in an
 * isolate that already compiled it costs a few ms of CPU, a new isolate about 7 (`node --single-threaded`,
 * 2026-11). Each run still gets its own context (its own globals and built-ins): nothing of one run
 * is reachable from the next. Kept only while it is clean (see recycle()) and for at most MAX_USES runs.
 */
export interface WarmIsolate {
  isolate: ivm.Isolate;
  /** The prelude compiled in this isolate. */
  script: ivm.Script;
  memoryMb: number;
  runtime: RuntimeScripts;
  uses: number;
}

/** Runs one isolate may serve before a new one is made (bounds what V8 keeps between runs: heap growth, caches). */
const MAX_USES = 32;
/** Heap still used after a run (its context released) above which the isolate is not kept. */
const KEEP_HEAP_FRACTION = 0.25;

/** What the callbacks of a finished run's context reach: nothing (its code can no longer act). */
const DEAD: BridgeHooks = new Proxy({} as BridgeHooks, {
  get: () => () => {
    throw new Error("this run has ended");
  },
});

/**
 * Once per host thread and runtime, before its first real isolate: a throwaway isolate goes through a
 * run's set-up and formats every kind of value (rt.rehearse: init, the builtins' export names, sealing,
 * locking the intrinsics, the formatting pass), and both scripts' code caches are made from it. Every
 * later isolate then gets that set-up's functions compiled, and a run's set-up took 0.4 ms instead of
 * 1.3 (its functions no longer compile from source per run). The same fixed steps on every host
 * thread, so every run starts alike.
 */
function rehearseOnce(memoryMb: number, runtime: RuntimeScripts): void {
  if (rehearsed?.prelude === runtime.prelude && rehearsed.inspect === runtime.inspect) return;
  try {
    new CandidateIsolate(memoryMb, runtime, undefined, true).dispose();
  } catch {
    // Without the rehearsal's cache a run compiles its set-up itself: slower, not different.
  }
  rehearsed = runtime;
}

export class CandidateIsolate {
  readonly ctl: Float64Array;
  private isolate: ivm.Isolate;
  private script: ivm.Script;
  private uses: number;
  /** Runs this isolate has served, this one included. */
  get runs(): number {
    return this.uses;
  }
  private context: ivm.Context;
  private rt!: ivm.Reference<Record<string, unknown>>;
  private fns = new Map<string, ivm.Reference<(...a: unknown[]) => unknown>>();
  private modules = new Map<string, ivm.Module>();
  private disposedByHost = false;
  private hooks: BridgeHooks = UNBOUND;
  private watch: WatchCell | null = null;

  /**
   * A ready context: prelude evaluated (and, in a new isolate, warmed up), callbacks pointing at UNBOUND
   * until bind(). Host threads make the next one while idle, so a run does not wait for this set-up.
   */
  constructor(readonly memoryMb: number, readonly runtime: RuntimeScripts, warm?: WarmIsolate, rehearsal = false) {
    if (!warm && !rehearsal) rehearseOnce(memoryMb, runtime);
    // No V8 snapshot: an isolate made from a custom snapshot (isolated-vm 5.0.4, Node 20) cost 4.9 ms of
    // CPU against 2.5 for a plain one, which ate what the prelude's evaluation would save (session 21).
    // The compiled prelude is reused through V8's code cache instead (compileCached), and within a warm isolate.
    this.isolate = warm?.isolate ?? new ivm.Isolate({ memoryLimit: memoryMb });
    this.uses = (warm?.uses ?? 0) + 1;
    this.script = warm?.script ?? this.compileCached("grader:runtime", runtime.prelude);
    this.context = this.isolate.createContextSync();
    const global = this.context.global;
    const ctlBuffer = new SharedArrayBuffer(8 * CTL.SIZE);
    this.ctl = new Float64Array(ctlBuffer);
    this.ctl[CTL.NEXT_EXPIRY] = Infinity;
    global.setSync("__h_ctl", new ivm.ExternalCopy(new Float64Array(ctlBuffer)).copyInto());
    global.setSync("__h_clone", new ivm.Callback((v: unknown) => v));
    // Not a copy: the handle itself, so the runtime can reach isolated-vm's ExternalCopy class from
    // inside the isolate and detach the ArrayBuffers a transfer list moves (isolate/buffer-transfer.ts).
    global.setSync("__h_xcopy", new ivm.ExternalCopy(0));
    for (const name of HOOK_NAMES) {
      global.setSync("__h_" + name, new ivm.Callback((...a: unknown[]) => this.hostCall(() => (this.hooks[name] as (...x: unknown[]) => unknown)(...a), a)));
    }
    global.setSync("__h_inspectScript", new ivm.Callback(() => this.hostCall(() => this.inspectScript(), [])));
    this.script.runSync(this.context);
    this.rt = global.getSync("__grader_rt", { reference: true }) as ivm.Reference<Record<string, unknown>>;
    global.deleteSync("__grader_rt");
    this.call("attach", []);
    // The timer paths' first calls, outside any task (rt.warmup); a warm isolate made them in its first
    // run already (their bytecode belongs to the compiled prelude, shared by every context of the isolate).
    if (!warm) this.call("warmup", []);
    if (rehearsal) {
      this.call("rehearse", [memoryMb]);
      this.cacheWarm("grader:runtime", runtime.prelude);
      this.cacheWarm("grader:inspect", runtime.inspect);
    }
  }

  /**
   * In the rehearsal isolate (rehearseOnce): replace a script's code cache by one made after the
   * warm-up, a run's set-up and the formatting pass. A cache made at compile time holds only the top
   * level; made now (the same source compiles to the same functions through V8's per-isolate
   * compilation cache) it holds every function those compiled, so later
   * isolates deserialize them instead of compiling them: a new isolate's set-up dropped from about 20 ms
   * of CPU to about 8 (running the prelude ~6 -> ~1.3 ms), and to about 5 with the one-pass warm-up.
   */
  private cacheWarm(name: ScriptName, code: string): void {
    const cache = codeCaches.get(name);
    if (!cache || cache.code !== code) return;
    const again = this.isolate.compileScriptSync(code, { filename: name, produceCachedData: true });
    const data = (again as unknown as { cachedData?: ivm.ExternalCopy<ArrayBuffer> }).cachedData;
    again.release();
    if (!data) return;
    cache.data?.release();
    cache.data = data;
  }

  /**
   * The inspect script's value (a function returning its `load`, runtime/isolate/inspect-script.ts),
   * compiled into this isolate from its code cache and evaluated in this context: what the runtime asks
   * for the first time it formats a value. Evaluating it runs no code, since this is a host call, which
   * the watchdog cannot stop.
   */
  private inspectScript(): unknown {
    if (this.hooks === DEAD) throw new Error("this run has ended");
    const script = this.compileCached("grader:inspect", this.runtime.inspect);
    try {
      return script.runSync(this.context, { reference: true }).derefInto({ release: true });
    } finally {
      script.release();
    }
  }

  /**
   * Route the isolate's callbacks to one thread's hooks (once, before its first call), and let the
   * supervisor stop its candidate code through `watch` (isolate-watchdog.ts).
   */
  bind(hooks: BridgeHooks, watch: WatchCell): this {
    this.hooks = hooks;
    this.watch = watch;
    armWatchdog(this.isolate, watch);
    return this;
  }

  /** A callback from the isolate (`args`, what it passed): host code, which the watchdog must not interrupt. */
  private hostCall(fn: () => unknown, args: unknown[]): unknown {
    const w = this.watch;
    const left = w !== null && leaveCandidate(w);
    try {
      // Killed while calling us: the isolate is going away, and nothing it asks for may happen.
      if (w && !left && wasKilled(w)) return undefined;
      return fn();
    } finally {
      // A packed message (unpackOutgoing) is freed before the isolate's call returns, whatever happened:
      // its buffers came from the isolate's allocator, which a later free must not outlive.
      for (const a of args) if (a instanceof ivm.ExternalCopy) a.release();
      if (left) enterCandidate(w);
    }
  }

  /** Run candidate code: the watchdog may dispose the isolate until it returns. */
  private candidate<T>(fn: () => T): T {
    const w = this.watch;
    const entered = w !== null && enterCandidate(w);
    if (w && !entered && wasKilled(w)) throw new Error("Isolate was disposed during execution (stopped by the grader)");
    try {
      return fn();
    } finally {
      if (entered) leaveCandidate(w);
    }
  }

  /** Compile one of the runtime's scripts from this host thread's code cache of it (made on the first compile). */
  private compileCached(name: ScriptName, code: string): ivm.Script {
    let cache = codeCaches.get(name);
    if (cache?.code !== code) {
      cache?.data?.release();
      cache = { code };
      codeCaches.set(name, cache);
    }
    const opts: ivm.ScriptOrigin & ivm.CachedDataOptions = { filename: name };
    if (cache.data) opts.cachedData = cache.data;
    else opts.produceCachedData = true;
    const script = this.isolate.compileScriptSync(code, opts);
    const produced = (script as unknown as { cachedData?: ivm.ExternalCopy<ArrayBuffer> }).cachedData;
    if (!cache.data && produced) cache.data = produced;
    return script;
  }

  /**
   * The run is over and ended cleanly (the caller decides): give back the isolate for another run's
   * context, or null when it is not worth keeping, in which case it is disposed. Never for an isolate
   * whose program left work V8 runs later by itself (CTL.DEFERRED), nor one past its use count or
   * holding on to much heap. This run's context and handles are released; its callbacks reach nothing.
   */
  recycle(): WarmIsolate | null {
    if (this.isolate.isDisposed) return null;
    const keep = this.ctl[CTL.DEFERRED] === 0 && this.uses < MAX_USES;
    this.hooks = DEAD;
    this.watch = null;
    if (!keep) {
      this.dispose();
      return null;
    }
    try {
      for (const f of this.fns.values()) f.release();
      this.rt.release();
      for (const m of this.modules.values()) m.release();
      this.context.release();
    } catch {
      this.dispose();
      return null;
    }
    this.fns.clear();
    this.modules.clear();
    this.resolver = null;
    // Entering the isolate runs the handle releases just queued (never dispose with them pending).
    const heap = this.isolate.getHeapStatisticsSync();
    if (heap.used_heap_size > this.memoryMb * 1024 * 1024 * KEEP_HEAP_FRACTION) {
      this.dispose();
      return null;
    }
    return { isolate: this.isolate, script: this.script, memoryMb: this.memoryMb, runtime: this.runtime, uses: this.uses };
  }

  private fn(name: string): ivm.Reference<(...a: unknown[]) => unknown> {
    let f = this.fns.get(name);
    if (!f) {
      f = this.rt.getSync(name, { reference: true }) as ivm.Reference<(...a: unknown[]) => unknown>;
      this.fns.set(name, f);
    }
    return f;
  }

  /** Call rt[name](...args) synchronously on this thread; microtasks drain before it returns. */
  call(name: string, args: unknown[], timeoutMs?: number): unknown {
    const f = this.fn(name);
    return this.candidate(() => f.applySync(undefined, args, { arguments: { copy: true }, result: { copy: true }, timeout: timeoutMs }));
  }

  /** Compile a module graph from `entry`, evaluate the builtins it uses and instantiate it (not evaluated yet). */
  linkModule(entry: string, src: ModuleSource): ivm.Module {
    const root = this.load(entry, src);
    this.resolver = (specifier: string, referrer: ivm.Module) => {
      const from = [...this.modules.entries()].find(([, m]) => m === referrer)?.[0] ?? "";
      const r = src.resolve(specifier, from);
      return this.modules.get(r.path)!;
    };
    root.instantiateSync(this.context, this.resolver);
    return root;
  }

  /** Evaluate a linked module (the candidate's code runs here); returns its namespace. */
  evaluate(root: ivm.Module, timeoutMs: number): ivm.Reference<unknown> {
    this.candidate(() => root.evaluateSync({ timeout: timeoutMs }));
    return root.namespace;
  }

  private resolver: ((specifier: string, referrer: ivm.Module) => ivm.Module) | null = null;

  private load(path: string, src: ModuleSource): ivm.Module {
    const have = this.modules.get(path);
    if (have) return have;
    const m = this.isolate.compileModuleSync(src.source(path), { filename: path.startsWith("grader:") || path.startsWith("node:") ? path : "file://" + path });
    this.modules.set(path, m);
    for (const spec of m.dependencySpecifiers) {
      const r = src.resolve(spec, path);
      if (r.builtin) this.loadBuiltin(r.path);
      else this.load(r.path, src);
    }
    return m;
  }

  private loadBuiltin(name: string): void {
    if (this.modules.has(name)) return;
    const names = this.call("exportNames", [name]) as string[] | null;
    if (!names) throw new ModuleNotFound(`Cannot find package '${name}'`);
    const src = `const m = globalThis.__grader_builtins[${JSON.stringify(name)}];\nexport default m.default;\n` +
      (names.length ? `export const { ${names.join(", ")} } = m.named;\n` : "");
    const m = this.isolate.compileModuleSync(src, { filename: name });
    m.instantiateSync(this.context, () => {
      throw new Error("builtin modules import nothing");
    });
    m.evaluateSync();
    this.modules.set(name, m);
  }

  /** Call rt[name] with arguments copied by native structured clone (SharedArrayBuffers stay shared). */
  callCopy(name: string, args: unknown[], timeoutMs?: number): unknown {
    const f = this.fn(name);
    const copies = args.map((r) => new ivm.ExternalCopy(r).copyInto());
    return this.candidate(() => f.applySync(undefined, copies, { timeout: timeoutMs }));
  }

  get disposed(): boolean {
    return this.isolate.isDisposed;
  }
  get hostDisposed(): boolean {
    return this.disposedByHost;
  }
  heapBytes(): number {
    try {
      const s = this.isolate.getHeapStatisticsSync();
      return s.used_heap_size + s.externally_allocated_size;
    } catch {
      return 0;
    }
  }

  /** End the isolate. Never from inside one of its callbacks: that aborted the process (isolated-vm 5.0.4). */
  dispose(): void {
    if (this.isolate.isDisposed) return;
    this.disposedByHost = true;
    // Only the isolate: releasing its context and references first queued disposal tasks that a later
    // call ran against the dead isolate (V8 fatal in GlobalHandles::Destroy, dining-philosophers in the pool).
    this.fns.clear();
    this.modules.clear();
    this.resolver = null;
    this.isolate.dispose();
  }
}

/**
 * A message the isolate handed over packed (runtime/isolate/outgoing-copy.ts), as a value of this
 * thread's heap. Called outside the sender's time: Node's receiver, not its sender, builds the value.
 */
export function unpackOutgoing(data: unknown): unknown {
  return data instanceof ivm.ExternalCopy ? data.copy() : data;
}

export function isTimeout(e: unknown): boolean {
  return e instanceof Error && /Script execution timed out/.test(e.message);
}
export function isMemoryLimit(e: unknown): boolean {
  return e instanceof Error && /memory limit/i.test(e.message);
}
export function isDisposedError(e: unknown): boolean {
  return e instanceof Error && /Isolate was disposed|Isolate is disposed/.test(e.message);
}
