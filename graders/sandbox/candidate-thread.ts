/**
 * One candidate thread (main or worker) driven synchronously on its host thread: Node's event loop
 * phases (timers, poll with message deliveries, check), one rt call per macrotask so microtasks drain
 * between them, CPU per macrotask from the host thread's CPU clock, the thread's virtual clock L, the
 * limits, and Worker.terminate() at a virtual time.
 */
import { receiveMessageOnPort, threadId, type MessagePort } from "node:worker_threads";
import { inspect } from "node:util";
import { type CandidateIsolate, type RuntimeScripts, isDisposedError, isMemoryLimit, isTimeout, ModuleNotFound, type ModuleSource, unpackOutgoing } from "./host-bridge";
import { B, G, INF, MAX_THREADS, NO_LIVE_CLOCK, ST, SharedTable } from "./shared-table";
import { ownCpuClockId, threadCpuNs } from "./thread-cpu";
import { disarmWatchdog, wasKilled, type WatchCell } from "./watch-cell";
import { claimWaiters, WaitSlot } from "./wait-list";
import type { SharedAddress } from "../runtime/host-callbacks";
import { CTL } from "../runtime/control-cells";
import type { Delivery, FromHost, ThreadEnd, ThreadStart } from "./thread-protocol";
import { WORKER_STARTUP_VIRTUAL_MS, cpuLimitMessage } from "../limits";
import { startDelay } from "../schedule/task-selector";
import { resolveModule } from "./module-resolver";
import { keepWarmIsolate, takeSpareIsolate } from "./spare-isolate";
import { ThreadTurn } from "./thread-turn";
import { pinToCpu } from "./thread-affinity";
import { prefaultArena } from "./arena-prefault";

const EPOCH_MS = Date.UTC(2026, 0, 1);
const MS = 1_000_000;
/** The isolate call timeout in wall time, as a multiple of the CPU budget (callTimeout). */
const CALL_TIMEOUT_FACTOR = 10;
/** Virtual cost of loading a thread's entry module (a constant: never measured, never load-dependent). */
const BOOT_VIRTUAL_MS = 1;

class StopThread extends Error {}

/** Stack frames of the runtime and the host are noise for the candidate (Node shows its internals, we hide ours). */
function stripRuntimeFrames(text: string): string {
  return text.split("\n").filter((l) => !/^\s+at .*(grader:runtime|<isolated-vm boundary>|thread-host\.js|node:internal)/.test(l)).join("\n");
}

type Fatal = { status: ThreadEnd["status"]; message: string; exitCode: number; error?: ThreadEnd["error"]; errorValue?: unknown };

export class CandidateThread {
  private L: number;
  private cpuMark: number | null = null;
  private table: SharedTable;
  private waitSlot: WaitSlot;
  private turn: ThreadTurn;
  private iso!: CandidateIsolate;
  private me: number;
  private fatal: Fatal | null = null;
  private settled: { ok: boolean; value: unknown } | null = null;
  private mainDone = false;
  private pending: { ev: Delivery; stamp: number }[] = [];
  private out: { stream: "stdout" | "stderr"; text: string }[] = [];
  private marks: { at: number; threadId: number; label: string; data?: unknown }[] = [];
  private logs: { at: number; threadId: number; text: string }[] = [];
  private published = { state: -1, lb: -1n };
  private cpuNs = 0;
  private tasks = 0;
  private longestNs = 0;
  private longestAt = 0;
  private spans: ThreadEnd["spans"] = [];
  private quiescentSentAt = -1;
  private delayCell = new Int32Array(new SharedArrayBuffer(4));
  private waitingOn: string | null = null;
  private watch: WatchCell;
  /** L when the current (or last) macrotask began. */
  private taskStartL = 0;
  /** Stopped inside a macrotask (by a callback past the stop time, or by the watchdog), not between two. */
  private cutInTask = false;
  /** The run ended cleanly in a main thread with warm isolates on: its isolate may serve the next run. */
  private keepIsolate = false;

  constructor(private s: ThreadStart, private runtime: RuntimeScripts, private cmd: MessagePort, private send: (m: FromHost) => void) {
    this.table = new SharedTable(s.table);
    this.me = s.threadId;
    this.waitSlot = new WaitSlot(this.table, this.me);
    this.turn = new ThreadTurn(this.table.ints, G.TURN, G.TURN_WAITERS, this.me, s.threadsInTurn);
    this.L = s.startNs;
    this.watch = { ints: this.table.ints, index: this.table.watchIndex(this.me) };
    // Published so the supervisor and the other threads can read this thread's live clock.
    Atomics.store(this.table.ints, this.table.cpuClockIndex(this.me), ownCpuClockId());
  }

  run(): ThreadEnd {
    // Threads that take turns all run on the run's one core (thread-affinity.ts).
    const unpin = this.s.threadsInTurn && this.s.turnCpu >= 0 ? pinToCpu(this.s.turnCpu) : null;
    // Before the clock starts: the speedup calls' buffers then take no fresh pages (arena-prefault.ts).
    if (this.s.threadsInTurn && this.s.kind === "main") prefaultArena();
    try {
      return this.runPinned();
    } finally {
      unpin?.();
    }
  }

  private runPinned(): ThreadEnd {
    try {
      this.publish(ST.RUNNING, this.L);
      const d = startDelay(this.s.seed, this.me);
      if (d > 0) Atomics.wait(this.delayCell, 0, 0, d / 1000);
      this.boot();
      if (!this.fatal) this.loop();
    } catch (e) {
      // Killed between two macrotasks (in the runtime's own calls, beginCheck say): stopped, as in one.
      if (wasKilled(this.watch)) this.fatal ??= { status: "stopped", message: "terminated", exitCode: 1 };
      else if (!(e instanceof StopThread)) this.fatal = { status: "internal_error", message: `host: ${(e as Error)?.stack ?? e}`, exitCode: 1 };
    }
    return this.finish();
  }

  // ---- clock ----
  private sync(): void {
    if (this.cpuMark === null) return;
    const c = threadCpuNs();
    this.L += c - this.cpuMark;
    this.cpuMark = c;
    this.table.publishClock(this.me, BigInt(Math.floor(this.L)), c);
  }
  private nowMs(): number {
    this.sync();
    return this.L / MS;
  }
  private publish(state: number, lb: number): void {
    const big = lb >= Number(INF) ? INF : BigInt(Math.floor(lb));
    if (this.published.state === state && this.published.lb === big) return;
    this.published = { state, lb: big };
    this.table.publish(this.me, state, BigInt(Math.floor(this.L)), big);
  }
  private checkStop(): void {
    if (this.stopRequested()) throw new StopThread();
  }


  // ---- boot ----
  private boot(): void {
    const s = this.s;
    this.iso = takeSpareIsolate(s.limits.memoryMb, this.runtime, s.kind === "main" && s.warmIsolates).bind(this.hooks(), this.watch);
    this.iso.call("init", [{
      threadId: this.me, isMainThread: this.me === 0, seed: s.seed, cores: s.cores, epochMs: EPOCH_MS,
      workerData: s.workerData, forbid: s.forbid, trusted: s.trusted.map((t) => "file://" + t), memoryMb: s.limits.memoryMb,
      eagerInspect: s.mode === "program",
    }]);
    const src: ModuleSource = {
      resolve: (spec, from) => resolveModule(spec, from, s.modules, s.trusted),
      source: (path) => {
        if (path === "grader:main") return `import ${JSON.stringify(this.mainPath())};\nimport { mainDone } from "grader:boot";\nmainDone();\n`;
        if (path === "grader:test") {
          return `import * as driver from ${JSON.stringify(s.entry)};\nimport * as solution from ${JSON.stringify(s.solution ?? s.entry)};\n` +
            `import { setTest } from "grader:boot";\nsetTest(driver, solution);\n`;
        }
        const code = s.modules[path];
        return `import.meta.url=${JSON.stringify("file://" + path)};` + code.replace(/^#!/, "//");
      },
    };
    // Compiling and linking is the host's work: only evaluation counts as the candidate's CPU.
    let linked: ReturnType<CandidateIsolate["linkModule"]> | null = null;
    const link = () => {
      if (s.kind === "eval") return;
      linked = this.iso.linkModule(this.runsDriver() ? "grader:test" : "grader:main", src);
    };
    const evaluate = () => {
      if (s.kind === "eval") return this.iso.call("runCommonJs", [s.source], this.callTimeout());
      this.iso.evaluate(linked!, this.callTimeout());
      if (s.kind === "thread") return this.iso.callCopy("runThread", [s.source, s.workerData], this.callTimeout());
      if (s.kind === "main" && s.mode === "test") return this.iso.callCopy("runTest", [s.input], this.callTimeout());
    };
    const moduleError = (e: unknown) => {
      if (e instanceof ModuleNotFound || (e instanceof Error && /Cannot find|ERR_MODULE_NOT_FOUND/.test(e.message) && !this.iso.disposed)) {
        this.uncaughtHost(e as Error);
      }
      if (e instanceof Error && e.name === "SyntaxError" && !this.iso.disposed) this.uncaughtHost(e);
      throw e;
    };
    try {
      link();
    } catch (e) {
      this.task("boot", () => moduleError(e));
    }
    // Builtin modules were evaluated while linking; their shared global goes before candidate code runs.
    this.iso.call("sealBuiltins", []);
    // Where the driver runs, the built-ins it relies on are locked before any module body runs.
    if (this.runsDriver()) this.iso.call("lockIntrinsics", []);
    // Node emits 'online' when the worker starts, before its module runs (and posts anything).
    if (this.me !== 0 && s.kind !== "thread") {
      this.table.incoming(s.parentId, BigInt(Math.floor(this.L)));
      this.send({ t: "online", run: s.run, threadId: this.me, stamp: this.L });
    }
    this.task("boot", () => {
      try {
        evaluate();
      } catch (e) {
        moduleError(e);
      }
    });
    // Node caches the loop time before the entry module runs and updates it when the loop starts; the
    // module's loading costs it at least a millisecond, so 0/1 ms timers set there are due at the first
    // loop iteration (a timeout before an immediate), as Node prints it on any real machine.
    this.L += BOOT_VIRTUAL_MS * MS;
  }

  /**
   * The driver's main thread and its startThread entries load the driver; a Worker the candidate starts
   * runs its own module even in test mode (linking the driver there re-ran the whole test inside it).
   */
  private runsDriver(): boolean {
    return this.s.kind === "thread" || (this.s.kind === "main" && this.s.mode === "test");
  }

  private mainPath(): string {
    return this.s.kind === "main" ? this.s.entry : this.s.source;
  }

  /** A module-level failure the isolate never saw (module not found, syntax error): uncaught like Node. */
  private uncaughtHost(e: Error): void {
    const name = e instanceof ModuleNotFound ? "Error" : e.name;
    const code = e instanceof ModuleNotFound ? " [ERR_MODULE_NOT_FOUND]" : "";
    const text = `Uncaught ${name}${code}: ${e.message}\n`;
    const info = { name, message: e.message, stack: `${name}${code}: ${e.message}` };
    this.onUncaught(text, info, { name, message: e.message, stack: info.stack });
    throw new StopThread();
  }

  // ---- event loop ----
  private ctl(i: number): number {
    return this.iso.ctl[i];
  }
  private alive(): boolean {
    return this.ctl(CTL.REF_TIMERS) > 0 || this.ctl(CTL.IMMEDIATES) > 0 || this.ctl(CTL.REF_HANDLES) > 0 || this.ctl(CTL.LOCAL_PENDING) > 0;
  }
  private endsAtSettle(): boolean {
    return this.s.kind === "thread" || (this.s.kind === "main" && this.s.mode === "test");
  }
  private setLoopNow(): number {
    const now = Math.floor(this.L / MS);
    this.iso.ctl[CTL.LOOP_NOW] = now;
    return now;
  }

  private loop(): void {
    for (;;) {
      if (this.endsAtSettle() && this.settled) return;
      if (!this.alive() && this.pending.length === 0) return;
      const now = this.setLoopNow();
      while (this.ctl(CTL.NEXT_EXPIRY) <= now && this.task("timer", () => this.iso.call("runTimer", [], this.callTimeout())) === 1) {
        if (this.endsAtSettle() && this.settled) return;
      }
      if (this.endsAtSettle() && this.settled) return;
      this.poll();
      if (this.endsAtSettle() && this.settled) return;
      this.setLoopNow();
      this.iso.call("beginCheck", []);
      while (this.task("immediate", () => this.iso.call("runImmediate", [], this.callTimeout())) === 1) {
        if (this.endsAtSettle() && this.settled) return;
      }
    }
  }

  private drainInbox(): void {
    for (;;) {
      const m = receiveMessageOnPort(this.cmd);
      if (!m) return;
      const msg = m.message as { t: string; run: number; ev?: Delivery; stamp?: number };
      if (msg.run !== this.s.run) continue;
      if (msg.t === "deliver") {
        this.pending.push({ ev: msg.ev!, stamp: msg.stamp! });
        // Once received() uncounts it, only our published lb says a message is pending: lower it first.
        if (this.published.state === ST.IDLE) this.publish(ST.IDLE, Math.min(Number(this.published.lb), msg.stamp!));
        this.table.received(this.me, 1);
      }
    }
  }

  private poll(): void {
    this.drainInbox();
    while (this.ctl(CTL.LOCAL_PENDING) > 0) this.task("message", () => this.iso.call("flushLocal", [], this.callTimeout()));
    const canBlock = this.ctl(CTL.IMMEDIATES) === 0;
    if (canBlock) {
      // libuv sleeps (expiry - floor(now)) whole ms from the moment it blocks, so a real loop wakes
      // at the expiry plus the fraction of a ms it blocked at, never before the setTimeout call + ms.
      const slack = this.L % MS;
      for (;;) {
        this.checkStop();
        this.drainInbox();
        const exp = this.ctl(CTL.NEXT_EXPIRY);
        const timerAt = Number.isFinite(exp) ? exp * MS + slack : Infinity;
        const msgAt = this.pending.reduce((m, p) => Math.min(m, p.stamp), Infinity);
        // A terminate() time is an event of its own: the thread ends there unless something comes first.
        const target = Math.min(timerAt, msgAt, this.stopAtNs());
        if (target <= this.L) break;
        if (target === Infinity) {
          if (!this.alive()) return;
          this.idleWait(Infinity);
          continue;
        }
        if (!this.alive() && msgAt === Infinity) return;
        if (target > this.s.limits.virtualMs * MS) {
          this.fatal = { status: "time_limit_exceeded", message: `virtual time limit of ${this.s.limits.virtualMs} ms exceeded (thread ${this.me} waits until ${(target / MS).toFixed(0)} ms)`, exitCode: 1 };
          throw new StopThread();
        }
        // A message already on its way to us (counted, not yet forwarded) may be earlier than target.
        const inFlight = Atomics.load(this.table.ints, this.table.inboxIndex(this.me)) > 0;
        if (!inFlight && this.table.othersAtLeast(this.me, BigInt(Math.floor(target)))) {
          this.L = Math.max(this.L, target);
          break;
        }
        this.idleWait(target);
      }
      this.checkStop();
    }
    // Deliver what has arrived by now (in arrival order), each its own macrotask.
    const due = this.pending.filter((p) => p.stamp <= this.L);
    this.pending = this.pending.filter((p) => p.stamp > this.L);
    for (const p of due) {
      this.task("message", () => this.iso.call("deliver", [p.ev], this.callTimeout()));
      if (this.endsAtSettle() && this.settled) return;
    }
  }

  private idleWait(target: number): void {
    const lb = Math.min(target, this.pending.reduce((m, p) => Math.min(m, p.stamp), Infinity));
    this.publish(ST.IDLE, lb);
    const epoch = this.table.get(G.EPOCH);
    if (lb === Infinity && this.table.quiescent() && this.quiescentSentAt !== epoch) {
      this.quiescentSentAt = epoch;
      this.send({ t: "quiescent", run: this.s.run, threadId: this.me });
    }
    const timed = lb !== Infinity;
    if (timed) this.table.add(G.TIME_WAITERS, 1);
    Atomics.wait(this.table.ints, G.EPOCH, epoch, timed ? 2 : 50);
    if (timed) this.table.add(G.TIME_WAITERS, -1);
    this.checkStop();
  }

  // ---- macrotasks ----
  /**
   * Wall-time bound of one isolate call, a last resort only: the supervisor stops a macrotask that never
   * returns once the run's CPU passes the budget (cpu-budget.ts). Wall time depends on load, so the bound
   * is far above the budget: at 2x, a macrotask well within its CPU budget was cut on a machine running
   * four busy threads per core. The same for every call of the thread on purpose: isolated-vm keeps
   * each call's timer queued until it expires and spawns a timer thread whenever a timer expires before
   * all queued ones, so shrinking timeouts (2x the remaining budget) made one OS thread per macrotask
   * and crashed the grader process under a flood of immediates (SIGSEGV in ivm's timer thread).
   */
  private callTimeout(): number {
    return Math.ceil(this.s.limits.cpuMs * CALL_TIMEOUT_FACTOR + 1000);
  }

  private task<T>(label: string, fn: () => T): T | undefined {
    this.checkStop();
    this.publish(ST.RUNNING, this.L);
    const startL = this.L;
    this.taskStartL = startL;
    this.turn.take();
    const c0 = threadCpuNs();
    this.cpuMark = c0;
    // The supervisor reads the live clock as L + CPU since c0 (it stops a spinning thread by it).
    this.table.publishClock(this.me, BigInt(Math.floor(startL)), c0);
    this.hostCpuNs = 0;
    // The supervisor adds this task's CPU so far to the run's total (cpu-budget.ts).
    this.taskCpu0 = c0;
    this.table.setTaskCpu(this.me, c0);
    let result: T | undefined;
    try {
      result = fn();
    } catch (e) {
      this.onCallError(e);
    } finally {
      const c1 = this.cpuFrozen ?? threadCpuNs();
      this.turn.give();
      this.cpuFrozen = null;
      this.L += c1 - (this.cpuMark ?? c1);
      this.cpuMark = null;
      this.taskCpu0 = null;
      this.account(label, startL, Math.max(0, c1 - c0 - this.hostCpuNs));
    }
    return result;
  }

  /**
   * CPU the host spent emulating Atomics.wait and Atomics.notify during the current macrotask (emulated()):
   * not the candidate's. A real Atomics.wait sleeps in the kernel and a notify is one futex call; here
   * each is a call out of the isolate, table updates, messages to the supervisor and a wait loop that
   * wakes every few ms. Left in, that cost grew with the wall time of the wait and with load, and a
   * correct foo-bar-alternately read as busy-waiting.
   */
  private hostCpuNs = 0;

  /**
   * Host work that emulates a primitive (Atomics.wait and notify; handing a message or a new worker's
   * data on to the supervisor, a copy Node does not make): neither the macrotask's CPU nor the virtual
   * clock counts it. `waits`: the thread may block in it, so it lets the others take their turn meanwhile.
   */
  private emulated<T>(fn: () => T, waits = true): T {
    const live = this.cpuMark !== null;
    if (live) this.sync();
    const from = this.cpuMark ?? threadCpuNs();
    // Others read this thread's clock as L until the host is done (its CPU meanwhile is not the clock's).
    if (live) this.table.publishClock(this.me, BigInt(Math.floor(this.L)), NO_LIVE_CLOCK);
    // A thread that waits lets the others run; its own macrotask goes on when its turn comes again.
    const hadTurn = waits && this.turn.give();
    try {
      return fn();
    } finally {
      if (hadTurn) this.turn.take();
      // Not when the thread froze its clock meanwhile (it is ending).
      if (live && this.cpuFrozen === null) {
        const to = threadCpuNs();
        this.hostCpuNs += to - from;
        this.cpuMark = to;
        this.table.publishClock(this.me, BigInt(Math.floor(this.L)), to);
        if (this.taskCpu0 !== null) this.table.setTaskCpu(this.me, this.taskCpu0 + this.hostCpuNs);
      }
    }
  }
  /** The host CPU reading the running macrotask started at, null outside one. */
  private taskCpu0: number | null = null;

  private account(label: string, startL: number, cpu: number): void {
    this.cpuNs += cpu;
    this.tasks++;
    if (cpu > this.longestNs) {
      this.longestNs = cpu;
      this.longestAt = startL / MS;
    }
    if (this.s.timeline) {
      const kind = cpu / MS > this.s.blockedMs ? "blocked" : "task";
      this.spans.push({ start: startL / MS, end: this.L / MS, kind, label });
    }
    // Between macrotasks the host's CPU is not the thread's: no live clock until the next one. The task's
    // live CPU is withdrawn before its total is added, so the supervisor's sum never counts it twice.
    this.table.publishClock(this.me, BigInt(Math.floor(this.L)), NO_LIVE_CLOCK);
    this.table.setTaskCpu(this.me, NO_LIVE_CLOCK);
    const total = Number(this.table.addCpu(BigInt(cpu)));
    this.flush();
    if (Atomics.load(this.table.ints, G.TIME_WAITERS) > 0) this.table.bump();
    if (!this.fatal && total > this.s.limits.cpuMs * MS) {
      this.fatal = { status: "time_limit_exceeded", message: cpuLimitMessage(this.s.limits.cpuMs), exitCode: 1 };
    }
    if (this.fatal) throw new StopThread();
  }

  private onCallError(e: unknown): void {
    if (wasKilled(this.watch)) {
      // The watchdog disposed the isolate: the supervisor stopped the thread (terminate() or the run's end).
      this.fatal ??= { status: "stopped", message: "terminated", exitCode: 1 };
      this.cutInTask = true;
      throw new StopThread();
    }
    if (this.fatal || e instanceof StopThread) throw new StopThread();
    if (isMemoryLimit(e) || (this.iso?.disposed && !this.iso.hostDisposed)) {
      this.fatal = this.memoryFatal("");
      throw new StopThread();
    }
    if (isTimeout(e)) {
      this.fatal = { status: "time_limit_exceeded", message: cpuLimitMessage(this.s.limits.cpuMs, " (a macrotask never returned)"), exitCode: 1 };
      throw new StopThread();
    }
    if (isDisposedError(e)) throw new StopThread();
    if (e instanceof ModuleNotFound) throw e;
    // Anything else thrown out of a call is a rejection nobody handled (isolated-vm reports it here).
    this.unhandledRejection(e);
  }

  private memoryFatal(detail: string): Fatal {
    return { status: "memory_limit_exceeded", message: `memory limit of ${this.s.limits.memoryMb} MB exceeded in ${this.me === 0 ? "the main thread" : `worker ${this.me}`}${detail}`, exitCode: 1 };
  }

  private unhandledRejection(reason: unknown): void {
    const isErr = reason instanceof Error;
    const text = isErr
      ? `Uncaught ${inspect(reason)}\n`
      : `Uncaught [UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(reason)}".] { code: 'ERR_UNHANDLED_REJECTION' }\n`;
    const info = isErr ? { name: reason.name, message: reason.message, stack: reason.stack } : { name: "UnhandledPromiseRejection", message: `The promise rejected with the reason "${inspect(reason)}".` };
    this.onUncaught(text, info, isErr ? reason : info);
    throw new StopThread();
  }

  private onUncaught(text: string, info: { name: string; message: string; stack?: string }, value: unknown): void {
    if (this.fatal) return;
    // Buffers live outside the V8 heap; when the isolate's allocator refuses one, the memory limit
    // decided it (on a machine without the limit the program would go on allocating).
    if (info.name === "RangeError" && /^Array buffer allocation failed$/.test(info.message)) {
      this.fatal = this.memoryFatal(" (array buffer allocation refused)");
      return;
    }
    text = stripRuntimeFrames(text);
    if (info.stack) info = { ...info, stack: stripRuntimeFrames(info.stack) };
    if (this.me === 0) this.writeOut("stderr", text);
    this.fatal = {
      status: "runtime_error",
      message: `${this.me === 0 ? "Uncaught" : `Uncaught in worker ${this.me}:`} ${info.name}: ${info.message}`.slice(0, 2000),
      exitCode: 1,
      error: { ...info, threadId: this.me },
      errorValue: value,
    };
  }

  private writeOut(stream: "stdout" | "stderr", text: string): boolean {
    const bytes = Buffer.byteLength(text);
    const total = this.table.add(G.OUTPUT_BYTES, bytes);
    if (total > this.s.limits.outputBytes) {
      const room = this.s.limits.outputBytes - (total - bytes);
      if (room > 0) this.out.push({ stream, text: Buffer.from(text).subarray(0, room).toString() });
      return false;
    }
    const last = this.out[this.out.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.out.push({ stream, text });
    return true;
  }

  private flush(): void {
    if (this.out.length) {
      this.send({ t: "out", run: this.s.run, threadId: this.me, chunks: this.out });
      this.out = [];
    }
    if (this.marks.length || this.logs.length) {
      this.send({ t: "trace", run: this.s.run, marks: this.marks, logs: this.logs });
      this.marks = [];
      this.logs = [];
    }
  }

  /**
   * End the thread from inside one of its callbacks: record why, and throw so the candidate's code
   * unwinds; every later callback throws again, and the host disposes the isolate only after the call
   * returns (disposing an isolate inside its own callback aborted the process in isolated-vm 5).
   */
  private stopNow(f: Fatal): never {
    if (!this.fatal) this.fatal = f;
    this.freezeClock();
    throw new Error("the grader stopped this thread");
  }

  /** The thread is ending: what follows (disposing the isolate) is the host's work, not the candidate's. */
  private freezeClock(): void {
    this.sync();
    if (this.cpuMark !== null) this.cpuFrozen = this.cpuMark;
    this.cpuMark = null;
    this.table.publishClock(this.me, BigInt(Math.floor(this.L)), NO_LIVE_CLOCK);
    this.table.setTaskCpu(this.me, NO_LIVE_CLOCK);
  }
  private cpuFrozen: number | null = null;

  // ---- what the isolate calls ----
  private hooks() {
    const run = this.s.run;
    const stamp = () => {
      this.sync();
      return Math.floor(this.L);
    };
    return {
      now: () => {
        this.guard();
        return this.nowMs();
      },
      write: (stream: number, text: string) => {
        this.guard();
        if (!this.writeOut(stream === 1 ? "stderr" : "stdout", String(text))) {
          this.stopNow({ status: "output_limit_exceeded", message: `output limit of ${this.s.limits.outputBytes} bytes exceeded`, exitCode: 1 });
        }
      },
      post: (kind: string, target: number, data: unknown, ports: number[]) => {
        this.guard();
        const at = stamp();
        if (this.table.add(G.MESSAGES, 1) > this.s.limits.maxMessages) {
          this.stopNow({ status: "resource_limit", message: `more than ${this.s.limits.maxMessages} messages between threads`, exitCode: 1 });
        }
        const dest = kind === "port" ? Atomics.load(this.table.portOwner, target ^ 1) : kind === "worker" ? target : this.s.parentId;
        for (const p of ports) Atomics.store(this.table.portOwner, p, dest);
        this.table.incoming(dest, BigInt(at));
        this.emulated(() => this.send({ t: "post", run, from: this.me, kind, target, data: unpackOutgoing(data), ports, stamp: at }), false);
      },
      spawn: (kind: string, source: string, data: unknown, opts: { name: string; ports: number[] }) => {
        this.guard();
        const at = stamp();
        const lim = this.s.limits;
        if (this.table.add(G.WORKERS_ALIVE, 1) > lim.maxWorkers) {
          this.stopNow({ status: "resource_limit", message: `more than ${lim.maxWorkers} worker threads alive at once`, exitCode: 1 });
        }
        if (this.table.add(G.WORKERS_TOTAL, 1) > lim.maxWorkersTotal) {
          this.stopNow({ status: "resource_limit", message: `more than ${lim.maxWorkersTotal} worker threads created`, exitCode: 1 });
        }
        if (Atomics.load(this.table.ints, G.NEXT_THREAD) >= MAX_THREADS) {
          this.stopNow({ status: "resource_limit", message: `more than ${MAX_THREADS - 1} threads`, exitCode: 1 });
        }
        const id = Atomics.add(this.table.ints, G.NEXT_THREAD, 1);
        const startNs = at + WORKER_STARTUP_VIRTUAL_MS * MS;
        this.table.publish(id, ST.STARTING, BigInt(startNs), BigInt(startNs));
        for (const p of opts.ports) Atomics.store(this.table.portOwner, p, id);
        this.emulated(() => this.send({ t: "spawn", run, parentId: this.me, threadId: id, kind: kind as "module", source, data: unpackOutgoing(data), ports: opts.ports, stamp: startNs }), false);
        return id;
      },
      terminate: (threadId: number) => {
        // In the table now, not when the supervisor reads the message: the table must not read quiescent
        // meanwhile, and the worker must not run past the stop time.
        if (threadId > 0 && threadId < MAX_THREADS) this.table.requestStop(threadId, BigInt(stamp()));
        this.send({ t: "terminate", run, from: this.me, threadId });
      },
      wait: (ta: Int32Array | BigInt64Array, index: number, value: number | bigint, timeoutMs: number, at: SharedAddress) =>
        this.emulated(() => this.atomicsWait(ta, index, value, timeoutMs, at)),
      notified: (ta: Int32Array | BigInt64Array, index: number, count: number | undefined, at: SharedAddress) =>
        this.emulated(() => {
          // L as emulated() synced it: the host's work from here on is not the candidate's time.
          this.table.maxNotify(BigInt(Math.floor(this.L)));
          const want = count ?? Infinity;
          const n = claimWaiters(this.table, at, want);
          // WebAssembly's own atomic wait parks in V8's futex: wake those as well.
          return n < want ? n + Atomics.notify(ta as Int32Array, index, want - n) : n;
        }),
      delay: (us: number) => {
        Atomics.wait(this.delayCell, 0, 0, us / 1000);
      },
      mark: (label: string, data: unknown) => {
        this.marks.push({ at: stamp() / MS, threadId: this.me, label, data });
      },
      log: (text: string) => {
        this.logs.push({ at: stamp() / MS, threadId: this.me, text });
      },
      forbidden: (name: string) => {
        this.send({ t: "forbidden", run, name });
      },
      settle: (ok: boolean, value: unknown) => {
        if (!this.settled) this.settled = { ok, value };
      },
      uncaught: (text: string, info: { name: string; message: string; stack?: string }, error: unknown) => {
        // The thread ends when this call returns (account() sees the fatal); later callbacks throw.
        this.onUncaught(text, info, error);
        this.freezeClock();
      },
      channel: () => {
        const a = Atomics.add(this.table.ints, G.NEXT_PORT, 2);
        if (a + 1 >= this.table.portOwner.length) {
          this.stopNow({ status: "resource_limit", message: "too many MessageChannels", exitCode: 1 });
        }
        Atomics.store(this.table.portOwner, a, this.me);
        Atomics.store(this.table.portOwner, a + 1, this.me);
        return [a, a + 1];
      },
      portClose: (portId: number) => {
        const at = stamp();
        const dest = Atomics.load(this.table.portOwner, portId ^ 1);
        this.table.incoming(dest, BigInt(at));
        this.send({ t: "portClose", run, from: this.me, portId, stamp: at });
      },
      mainDone: () => {
        this.mainDone = true;
      },
      oom: (what: string) => {
        this.stopNow(this.memoryFatal(` (${what})`));
      },
      sab: (byteLength: number) => new SharedArrayBuffer(byteLength),
      sharedId: () => this.table.add(G.SHARED_IDS, 1),
    };
  }

  /** In a callback: throw when the thread has to end (a limit, an uncaught error, or a stop request). */
  private guard(): void {
    if (this.stopRequested()) this.stopNow(this.fatal!);
  }

  private stopRequested(): boolean {
    if (this.fatal) return true;
    if (Atomics.load(this.table.ints, G.STOP) === 0) {
      if (Atomics.load(this.table.ints, this.table.stopIndex(this.me)) === 0) return false;
      // terminate(): every macrotask that begins before the stop time runs, like Node's worker until
      // the terminate() call; one still running at that time stops there.
      this.sync();
      if (this.L < this.stopAtNs()) return false;
      this.cutInTask = this.cpuMark !== null;
    }
    this.fatal = { status: "stopped", message: "terminated", exitCode: 1 };
    return true;
  }

  /** When terminate() asked this thread to stop (ns), Infinity when it did not. */
  private stopAtNs(): number {
    if (Atomics.load(this.table.ints, this.table.stopIndex(this.me)) === 0) return Infinity;
    const at = this.table.stopAt(this.me);
    return at >= INF ? Infinity : Number(at);
  }

  private atomicsWait(ta: Int32Array | BigInt64Array, index: number, value: number | bigint, timeoutMs: number, at: SharedAddress): string {
    this.guard();
    const same = () => Atomics.load(ta as Int32Array, index) === (ta instanceof BigInt64Array ? BigInt(value as bigint) : Number(value) | 0);
    if (timeoutMs === 0) return same() ? "timed-out" : "not-equal";
    // Joined before the value check, as V8's futex does: a notify after the check finds us.
    this.waitSlot.enter(at);
    if (!same()) {
      if (!this.waitSlot.leave()) return "not-equal";
      // A notify came between joining and the check, and counted us.
      this.table.add(G.WAKES, -1);
      return "ok";
    }
    // Blocked, the thread's clock and CPU do not run with its host's CPU (the wait loop's); L is where
    // emulated() synced it before this call.
    this.table.publishClock(this.me, BigInt(Math.floor(this.L)), NO_LIVE_CLOCK);
    this.table.setTaskCpu(this.me, NO_LIVE_CLOCK);
    const startL = this.L;
    const deadline = Number.isFinite(timeoutMs) ? this.L + timeoutMs * MS : Infinity;
    const cpuBefore = this.cpuMark;
    this.cpuMark = null;
    // What the thread printed before blocking must reach the supervisor before a deadlock ends the run.
    this.flush();
    const on = `Atomics.wait(${ta instanceof BigInt64Array ? "BigInt64Array" : "Int32Array"}[${index}]) == ${String(value)}`;
    this.send({ t: "wait", run: this.s.run, threadId: this.me, on });
    this.publish(ST.BLOCKED, deadline);
    let result = "ok";
    // Like a real Atomics.wait, only a notify wakes us, never a store alone (a lost-wakeup bug must hang).
    let woken = false;
    try {
      for (;;) {
        const stopAt = this.stopAtNs();
        if (this.waitSlot.park(Number.isFinite(Math.min(deadline, stopAt)) ? 2 : 20)) {
          woken = true;
          break;
        }
        if (this.stopRequested()) break;
        // terminate() interrupts the wait at its time, once no other thread can notify us before it.
        if (Number.isFinite(stopAt) && stopAt <= deadline && this.table.othersAtLeast(this.me, BigInt(Math.floor(stopAt)))) {
          this.L = Math.max(this.L, stopAt);
          this.stopRequested();
          break;
        }
        if (Number.isFinite(deadline)) {
          if (deadline > this.s.limits.virtualMs * MS) {
            this.fatal ??= { status: "time_limit_exceeded", message: `virtual time limit of ${this.s.limits.virtualMs} ms exceeded (Atomics.wait timeout)`, exitCode: 1 };
            break;
          }
          if (this.table.othersAtLeast(this.me, BigInt(Math.floor(deadline)))) {
            this.L = Math.max(this.L, deadline);
            result = "timed-out";
            break;
          }
        } else {
          // The table may read quiescent only once we checked, with everyone else quiet, that no notify came.
          const epoch = this.table.get(G.EPOCH);
          if (!this.table.quiescent(false) || this.waitSlot.claimed() || this.table.get(G.EPOCH) !== epoch) continue;
          Atomics.store(this.table.ints, this.table.confirmedIndex(this.me), epoch);
          if (this.table.quiescent() && this.quiescentSentAt !== epoch) {
            this.quiescentSentAt = epoch;
            this.send({ t: "quiescent", run: this.s.run, threadId: this.me });
          }
        }
      }
    } finally {
      // A notify that claimed us counted us: the wait ends "ok" even if we were about to leave.
      if (this.waitSlot.leave()) woken = true;
      if (woken) {
        result = "ok";
        this.L = Math.max(this.L, Number(Atomics.load(this.table.bigs, B.NOTIFY_L)));
      }
      this.publish(ST.RUNNING, this.L);
      if (woken) this.table.add(G.WAKES, -1);
      this.send({ t: "wait", run: this.s.run, threadId: this.me, on: null });
      if (this.s.timeline) this.spans.push({ start: startL / MS, end: this.L / MS, kind: "wait", label: on });
      // emulated() moves the mark past the wait, so neither the clock nor the task's CPU counts it.
      this.cpuMark = cpuBefore;
    }
    this.guard();
    return result;
  }

  // ---- end ----
  private finish(): ThreadEnd {
    this.turn.give();
    try {
      this.flush();
    } catch {
      /* the supervisor may be gone */
    }
    const f = this.fatal;
    const stopAt = this.stopAtNs();
    if (f?.status === "stopped" && Number.isFinite(stopAt) && Atomics.load(this.table.ints, G.STOP) === 0) {
      // Ended by terminate(): at the stop time, whatever CPU the macrotask it cut went on to burn.
      this.L = this.cutInTask ? Math.max(stopAt, this.taskStartL) : Math.max(stopAt, this.L);
    }
    let exitCode = f ? f.exitCode : 0;
    // Node 20 exits with 13 and prints nothing (the "unsettled top-level await" warning came later).
    if (!f && this.me === 0 && this.s.mode === "program" && !this.mainDone) exitCode = 13;
    const end: ThreadEnd = {
      threadId: this.me,
      status: f ? f.status : "ok",
      message: f?.message,
      exitCode,
      error: f?.error,
      errorValue: f?.errorValue,
      settled: this.settled ?? undefined,
      cpuMs: this.cpuNs / MS,
      longestTaskMs: this.longestNs / MS,
      longestTaskAt: this.longestAt,
      tasks: this.tasks,
      isolateRuns: this.iso?.runs ?? 0,
      hostThread: threadId,
      endMs: this.L / MS,
      spans: this.spans,
    };
    // The parent learns about the end through deliveries; count them before we read as DONE.
    if (this.me !== 0) {
      this.table.incoming(this.s.parentId, BigInt(Math.floor(this.L)));
      if (this.s.kind !== "thread" && end.status === "runtime_error") this.table.incoming(this.s.parentId, BigInt(Math.floor(this.L)));
      this.table.add(G.WORKERS_ALIVE, -1);
    }
    this.table.publish(this.me, ST.DONE, BigInt(Math.floor(this.L)), INF);
    // Only a main thread's isolate no candidate code was cut short in is kept for another run's context
    // (workers always get a new isolate: spare-isolate.ts).
    this.keepIsolate = this.s.kind === "main" && this.s.warmIsolates && !wasKilled(this.watch) && (!f || f.status === "runtime_error" || (f.status === "stopped" && !this.cutInTask));
    disarmWatchdog(this.watch);
    return end;
  }

  /**
   * After the end went out: disposing an isolate takes about half a millisecond, which the run waiting
   * for this thread's end need not wait for (the host takes no other run until it is done).
   */
  releaseIsolate(): void {
    try {
      const kept = this.keepIsolate ? this.iso?.recycle() : null;
      if (kept) keepWarmIsolate(kept);
      else this.iso?.dispose();
    } catch {
      /* already gone */
    }
  }
}
