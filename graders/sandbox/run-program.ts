/**
 * runProgram(spec): one fresh candidate runtime in this process (a grader process or a test). The
 * supervisor here starts candidate threads on warm host threads, routes messages between them,
 * collects output and traces, watches limits and quiescence, and builds the RunResult.
 */
import { availableParallelism } from "node:os";
import type { RunResult, RunSpec, RunStatus } from "./run-spec";
import { hostPool, type HostThread } from "./host-pool";
import { B, createTable, G, INF, ST, SharedTable } from "./shared-table";
import type { Delivery, FromHost, ThreadEnd, ThreadKind, ThreadStart } from "./thread-protocol";
import { resolveLimits, BLOCKED_TASK_MS, LIMITS, cpuLimitMessage } from "../limits";
import { WallNet } from "./wall-net";
import { buildTimeline } from "./timeline";
import { Reaper } from "./reaper";
import { CpuBudget } from "./cpu-budget";

let nextRun = 1;

interface ThreadRec {
  id: number;
  parentId: number;
  kind: ThreadKind;
  host: HostThread | null;
  queued: { ev: Delivery; stamp: number }[];
  end: ThreadEnd | null;
  terminated: boolean;
}

export async function runProgram(spec: RunSpec): Promise<RunResult> {
  return new Run(spec).start();
}

/** End the warm host threads (tests' afterAll, graceful shutdown of a grader process). */
export async function shutdownRuntime(): Promise<void> {
  await hostPool.shutdown();
}

/** Start host threads ahead of the first run (grader process startup). */
export async function warmRuntime(n = 2): Promise<void> {
  await hostPool.warm(n);
}

/**
 * A pool's grader process is given its own core (GRADER_TURN_CPU, graders/pool/supervisor.ts); a process
 * started otherwise spreads its runs over the cores.
 */
function turnCpuOf(runId: number): number {
  const given = Number.parseInt(process.env.GRADER_TURN_CPU ?? "", 10);
  return (Number.isInteger(given) && given >= 0 ? given : runId + process.pid) % availableParallelism();
}

class Run {
  private id = nextRun++;
  /** The one core the run's threads use when they take turns (thread-affinity.ts). */
  private turnCpu = turnCpuOf(this.id);
  private tableBuffers = createTable();
  private table = new SharedTable(this.tableBuffers);
  private threads = new Map<number, ThreadRec>();
  private output: RunResult["output"] = [];
  private marks: RunResult["marks"] = [];
  private logs: RunResult["logs"] = [];
  private waits = new Map<number, string>();
  private forbidden = new Set<string>();
  private alive = 0;
  private peak = 0;
  private done = false;
  private startWall = Date.now();
  private resolve!: (r: RunResult) => void;
  private wallNet: WallNet;
  private limits;
  private reaper = new Reaper(this.table, (id) => this.threads.get(id)?.end != null);
  private cpuBudget: CpuBudget;

  constructor(private spec: RunSpec) {
    this.limits = resolveLimits(spec.limits);
    this.wallNet = new WallNet({
      limitMs: this.limits.wallMs,
      capMs: Math.max(this.limits.wallMs, LIMITS.wallMs.cap),
      cpuNs: () => Atomics.load(this.table.bigs, B.CPU_NS),
      onExtend: spec.onProgress,
      onExpire: (reason) => this.finish("time_limit_exceeded", reason),
    });
    const cpuMs = this.limits.cpuMs;
    this.cpuBudget = new CpuBudget(this.table, BigInt(cpuMs) * 1_000_000n, () => {
      this.cutByBudget = true;
      this.finish("time_limit_exceeded", cpuLimitMessage(cpuMs));
    });
  }

  start(): Promise<RunResult> {
    const p = new Promise<RunResult>((r) => (this.resolve = r));
    this.wallNet.start();
    this.cpuBudget.start();
    this.startThread(0, -1, "main", this.spec.entry, undefined, 0);
    return p;
  }

  private startThread(id: number, parentId: number, kind: ThreadKind, source: string, data: unknown, startNs: number): void {
    const rec: ThreadRec = { id, parentId, kind, host: null, queued: [], end: null, terminated: false };
    this.threads.set(id, rec);
    this.alive++;
    this.peak = Math.max(this.peak, this.alive);
    const s = this.spec;
    const msg: ThreadStart = {
      t: "start", run: this.id, threadId: id, parentId, kind, source, mode: s.mode, modules: s.modules, entry: s.entry,
      solution: s.solution, trusted: s.trusted, input: id === 0 ? s.input : undefined, workerData: data, seed: s.seed,
      cores: s.cores, limits: this.limits, forbid: s.forbid ?? [], startNs, table: this.tableBuffers,
      timeline: s.timeline !== false, blockedMs: BLOCKED_TASK_MS, warmIsolates: s.warmIsolates === true,
      threadsInTurn: s.threadsInTurn === true, turnCpu: this.turnCpu,
    };
    hostPool.acquire().then(
      (h) => {
        if (this.done || rec.terminated) {
          hostPool.release(h);
          if (!this.done) {
            // As a host's finish() would: the parent's delivery counted before the thread reads DONE.
            this.table.incoming(parentId, BigInt(startNs));
            this.table.add(G.WORKERS_ALIVE, -1);
            this.table.publish(id, ST.DONE, BigInt(startNs), INF);
            this.onEnd(this.syntheticEnd(rec, "stopped"));
          }
          return;
        }
        rec.host = h;
        h.onMessage = (m) => this.onMessage(m);
        h.cmd.postMessage(msg);
        for (const q of rec.queued) h.cmd.postMessage({ t: "deliver", run: this.id, ev: q.ev, stamp: q.stamp });
        rec.queued = [];
        this.table.bump();
      },
      (e) => this.finish("internal_error", `could not start a host thread: ${e}`),
    );
  }

  private syntheticEnd(rec: ThreadRec, status: ThreadEnd["status"]): ThreadEnd {
    return { threadId: rec.id, status, exitCode: 1, cpuMs: 0, longestTaskMs: 0, longestTaskAt: 0, tasks: 0, isolateRuns: 0, hostThread: -1, endMs: 0, spans: [] };
  }

  private deliver(to: number, ev: Delivery, stamp: number): void {
    const rec = this.threads.get(to);
    if (!rec || rec.end) return;
    if (!rec.host) {
      rec.queued.push({ ev, stamp });
      return;
    }
    rec.host.cmd.postMessage({ t: "deliver", run: this.id, ev, stamp });
    this.table.bump();
  }

  private onMessage(m: FromHost): void {
    if (!("run" in m) || m.run !== this.id) return;
    if (this.done) {
      if (m.t === "end") {
        const rec = this.threads.get(m.end.threadId);
        if (rec && !rec.end) rec.end = m.end;
        this.maybeResolve();
      }
      // A thread stopped inside a macrotask by the CPU budget flushes what it printed in it as it ends,
      // as it would have had the macrotask returned (result.output is this same array until resolved).
      if (m.t === "out" && this.cutByBudget) this.appendOutput(m.chunks);
      return;
    }
    switch (m.t) {
      case "out":
        this.appendOutput(m.chunks);
        return;
      case "trace":
        this.marks.push(...m.marks);
        this.logs.push(...m.logs);
        return;
      case "post": {
        if (m.kind === "port") {
          const peer = m.target ^ 1;
          this.deliver(Atomics.load(this.table.portOwner, peer), { k: "port", id: peer, data: m.data }, m.stamp);
        } else if (m.kind === "worker") {
          this.deliver(m.target, { k: "parent", id: -1, data: m.data }, m.stamp);
        } else {
          const parent = this.threads.get(m.from)?.parentId ?? 0;
          this.deliver(parent, { k: "worker", id: m.from, type: "message", data: m.data }, m.stamp);
        }
        return;
      }
      case "spawn":
        this.startThread(m.threadId, m.parentId, m.kind, m.source, m.data, m.stamp);
        return;
      case "online":
        this.deliver(this.threads.get(m.threadId)?.parentId ?? 0, { k: "worker", id: m.threadId, type: "online" }, m.stamp);
        return;
      case "terminate": {
        const rec = this.threads.get(m.threadId);
        if (!rec || rec.end) return;
        rec.terminated = true;
        // The requesting thread put the stop time in the table; a worker spinning past it is disposed.
        const stopAt = this.table.stopAt(m.threadId);
        this.reaper.add(m.threadId, () => this.table.liveClock(m.threadId) >= stopAt);
        return;
      }
      case "portClose": {
        const peer = m.portId ^ 1;
        this.deliver(Atomics.load(this.table.portOwner, peer), { k: "close", id: peer }, m.stamp);
        return;
      }
      case "wait":
        if (m.on === null) this.waits.delete(m.threadId);
        else this.waits.set(m.threadId, m.on);
        return;
      case "forbidden":
        this.forbidden.add(m.name);
        return;
      case "quiescent":
        this.checkQuiescent();
        return;
      case "end":
        this.onEnd(m.end);
        return;
    }
  }

  private appendOutput(chunks: RunResult["output"]): void {
    for (const c of chunks) {
      const last = this.output[this.output.length - 1];
      if (last && last.stream === c.stream) last.text += c.text;
      else this.output.push({ ...c });
    }
  }

  private cutByBudget = false;

  private checkQuiescent(): void {
    if (!this.table.quiescent()) return;
    const epoch = this.table.get(G.EPOCH);
    setTimeout(() => {
      if (this.done || !this.table.quiescent() || this.table.get(G.EPOCH) !== epoch) return;
      const live = [...this.threads.values()].filter((t) => !t.end);
      // A thread reads as DONE in the table before its end reaches us (its host disposes the isolate
      // first): an ending main or a crashed worker is not a deadlock. Decide again once its end is here.
      if (live.some((t) => this.table.state(t.id) === ST.DONE)) {
        this.recheckAtEnd = true;
        return;
      }
      const waits = live.map((t) => ({ threadId: t.id, on: this.describeWait(t, live) }));
      const blockedSomewhere = live.length > 1 || this.waits.size > 0;
      if (this.spec.mode === "test" && !blockedSomewhere) {
        this.finish("time_limit_exceeded", "the driver's promise never settled: nothing is left to run and no timer is pending");
        return;
      }
      const text = waits.map((w) => `${w.threadId === 0 ? "main" : `thread ${w.threadId}`}: ${w.on}`).join("; ");
      this.finish("deadlock", `deadlock: every thread is blocked and nothing can wake them (${text})`, { waits });
    }, 2);
  }

  private describeWait(t: ThreadRec, live: ThreadRec[]): string {
    const w = this.waits.get(t.id);
    if (w) return w;
    const kids = live.filter((k) => k.parentId === t.id).map((k) => `worker ${k.id}`);
    if (t.id !== 0 && t.kind !== "thread") return kids.length ? `awaiting a message from the main thread or ${kids.join(", ")}` : "awaiting a message from its parent";
    return kids.length ? `awaiting a message from ${kids.join(", ")}` : "awaiting a message";
  }

  private recheckAtEnd = false;

  private onEnd(end: ThreadEnd): void {
    this.handleEnd(end);
    if (this.recheckAtEnd && !this.done) {
      this.recheckAtEnd = false;
      this.checkQuiescent();
    }
  }

  private handleEnd(end: ThreadEnd): void {
    const rec = this.threads.get(end.threadId);
    if (!rec || rec.end) return;
    rec.end = end;
    this.alive--;
    this.waits.delete(end.threadId);
    if (this.done) return;
    const fatal: ThreadEnd["status"][] = ["time_limit_exceeded", "memory_limit_exceeded", "output_limit_exceeded", "resource_limit", "internal_error"];
    if (fatal.includes(end.status)) {
      this.finish(end.status as RunStatus, end.message ?? end.status, { error: end.error });
      return;
    }
    if (end.threadId === 0) {
      this.finishMain(end);
      return;
    }
    if (rec.kind === "thread") {
      if (end.status === "runtime_error") {
        this.finish("runtime_error", end.message ?? "uncaught error in a thread", { error: end.error });
        return;
      }
      const settled = end.settled ?? { ok: false, value: new Error(end.status === "stopped" ? "thread terminated" : "thread ended without a result") };
      this.deliver(rec.parentId, { k: "thread", id: rec.id, ok: settled.ok, data: settled.value }, end.endMs * 1e6);
      return;
    }
    if (end.status === "runtime_error") this.deliver(rec.parentId, { k: "worker", id: rec.id, type: "error", data: end.errorValue ?? end.error }, end.endMs * 1e6);
    this.deliver(rec.parentId, { k: "worker", id: rec.id, type: "exit", data: end.exitCode }, end.endMs * 1e6);
  }

  private finishMain(end: ThreadEnd): void {
    if (end.status === "runtime_error") {
      this.finish("runtime_error", end.message ?? "uncaught error", { error: end.error, exitCode: 1 });
      return;
    }
    if (end.status === "stopped") {
      this.finish("internal_error", "the main thread was stopped");
      return;
    }
    if (this.spec.mode === "test") {
      if (!end.settled) {
        this.finish("time_limit_exceeded", "the driver's promise never settled: nothing is left to run and no timer is pending");
        return;
      }
      if (!end.settled.ok) {
        const v = end.settled.value as { name?: string; message?: string; stack?: string } | undefined;
        const e = { name: String(v?.name ?? "Error"), message: String(v?.message ?? v), stack: v?.stack, threadId: 0 };
        this.finish("runtime_error", `the test rejected: ${e.name}: ${e.message}`, { error: e });
        return;
      }
      this.finish("ok", undefined, { value: end.settled.value });
      return;
    }
    this.finish("ok", undefined, { exitCode: end.exitCode });
  }

  private finish(status: RunStatus, message?: string, extra: Partial<RunResult> = {}): void {
    if (this.done) return;
    // Read before any thread is told to stop: a stopping thread withdraws its macrotask's live CPU an
    // instant before it adds the total.
    const cpuNs = this.table.liveCpu();
    this.done = true;
    this.wallNet.stop();
    this.cpuBudget.stop();
    Atomics.store(this.table.ints, G.STOP, 1);
    this.table.bump();
    // Threads still running candidate code (a loop that never calls the host) are disposed now,
    // rather than at their isolate's timeout.
    for (const t of this.threads.values()) if (t.host && !t.end) this.reaper.add(t.id, () => true);
    const result: RunResult = {
      status,
      message,
      output: this.output,
      metrics: {
        virtualMs: 0,
        wallMs: Date.now() - this.startWall,
        cpuMs: Number(cpuNs) / 1e6,
        longestTaskMs: 0,
        longestTaskAt: 0,
        peakThreads: this.peak,
        workersCreated: this.threads.size - 1,
        messages: this.table.get(G.MESSAGES),
        threads: [],
      },
      marks: this.marks.sort((a, b) => a.at - b.at),
      logs: this.logs.sort((a, b) => a.at - b.at),
      ...extra,
    };
    if (this.spec.mode === "program" && result.exitCode === undefined) result.exitCode = status === "ok" ? 0 : 1;
    if (this.forbidden.size) result.forbiddenUsed = [...this.forbidden];
    this.addThreadFigures(result);
    this.result = result;
    // Resolve once every host thread of this run has let go of its isolate: exiting the process
    // while a host thread is inside isolated-vm aborts it. A loop that never calls the host ends at
    // its isolate timeout; the cap below is only a last resort.
    this.giveUp = setTimeout(() => this.maybeResolve(true), this.limits.cpuMs * 2 + 2000);
    this.maybeResolve();
  }

  /** Figures from the threads' ends so far: virtual time, per-thread CPU, the main thread's longest task, the timeline. */
  private addThreadFigures(result: RunResult): void {
    const ends = [...this.threads.values()].map((t) => t.end).filter((e): e is ThreadEnd => e !== null);
    const main = this.threads.get(0)?.end;
    const m = result.metrics;
    m.threads = ends.map((e) => ({ threadId: e.threadId, cpuMs: e.cpuMs, longestTaskMs: e.longestTaskMs, tasks: e.tasks, isolateRuns: e.isolateRuns, hostThread: e.hostThread })).sort((a, b) => a.threadId - b.threadId);
    m.virtualMs = main ? main.endMs : Math.max(0, ...ends.map((e) => e.endMs), Number(Atomics.load(this.table.bigs, this.table.lIndex(0))) / 1e6);
    m.longestTaskMs = main?.longestTaskMs ?? 0;
    m.longestTaskAt = main?.longestTaskAt ?? 0;
    if (this.spec.timeline !== false) result.timeline = buildTimeline(ends, this.marks);
  }

  private result: RunResult | null = null;
  private giveUp: NodeJS.Timeout | null = null;
  private maybeResolve(force = false): void {
    if (!this.result) return;
    const busy = [...this.threads.values()].some((t) => t.host && !t.end);
    if (busy && !force) return;
    if (this.giveUp) clearTimeout(this.giveUp);
    this.reaper.stop();
    const r = this.result;
    // The macrotasks the budget cut are accounted as their threads end: their figures explain the verdict.
    // Other runs keep the figures of their end, which a thread stopped later must not change.
    if (this.cutByBudget) this.addThreadFigures(r);
    this.result = null;
    this.resolve(r);
  }
}
