/**
 * Warm host threads, reused across runs: starting a node:worker_threads thread and loading
 * isolated-vm costs tens of ms, a fresh isolate on a warm thread about one.
 *
 * A host thread lives as long as its process. A thread that used isolated-vm and then exits (retire
 * or terminate) takes the process down now and then: with idle hosts retired past four, 2 of 12
 * dining-philosophers gradings under load died twice (heap corruption, ivm handle destructors in the
 * exiting thread's GC); with no host ever retired, 0 of 12 processes died. So surplus hosts stay, idle
 * and cheap (no spare isolate): their number is bounded by the most threads one run had alive.
 */
import { Worker, MessageChannel, type MessagePort } from "node:worker_threads";
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import type { FromHost, HostWorkerData } from "./thread-protocol";
import type { RuntimeScripts } from "./host-bridge";

export interface HostThread {
  worker: Worker;
  cmd: MessagePort;
  /** Where this host's messages go while it runs a candidate thread. */
  onMessage: ((m: FromHost) => void) | null;
  busy: boolean;
  /** Told to keep a spare isolate (spare-isolate.ts); a run uses it up. */
  warm: boolean;
}

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "graders"))) {
    const up = resolve(dir, "..");
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
const ROOT = findRoot(__dirname);
const DIST = join(ROOT, "dist");
/** Idle hosts that keep a spare isolate ready (spare-isolate.ts). */
const KEEP_WARM = 4;
/** The longest a released host waits for the others to finish before it makes its spare. */
const SPARE_DELAY_MS = 10;

function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    newest = Math.max(newest, f.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Build dist/ bundles when missing or older than their sources (dev convenience; CI builds first). */
export function ensureBundles(): { prelude: string; inspect: string; hostScript: string } {
  const prelude = join(DIST, "runtime-prelude.js");
  const inspect = join(DIST, "runtime-inspect.js");
  const hostScript = join(DIST, "thread-host.js");
  const sources = Math.max(newestSource(join(ROOT, "graders", "runtime", "isolate")), newestSource(join(ROOT, "graders", "sandbox")), newestSource(join(ROOT, "graders", "schedule")));
  const bundles = [prelude, inspect, hostScript];
  const built = bundles.every((b) => existsSync(b)) ? Math.min(...bundles.map((b) => statSync(b).mtimeMs)) : 0;
  if (built === 0 || (sources > built && existsSync(join(ROOT, "graders", "runtime", "isolate")))) {
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-graders.mjs")], { cwd: ROOT, stdio: "ignore" });
  }
  return { prelude, inspect, hostScript };
}

function retireHost(h: HostThread): Promise<void> {
  return new Promise((resolveExit) => {
    h.worker.once("exit", () => resolveExit());
    h.cmd.postMessage({ t: "retire" });
    // Unref'd like the host itself: an idle host never keeps the process alive.
    h.worker.unref();
  });
}

export interface HostPoolOptions {
  /** @defaultValue SPARE_DELAY_MS */
  spareDelayMs?: number;
}

export class HostPool {
  constructor(private options: HostPoolOptions = {}) {}

  private idle: HostThread[] = [];
  private all = new Set<HostThread>();
  private scripts: RuntimeScripts | null = null;
  private hostScript: string | null = null;
  private spareTimer: NodeJS.Timeout | null = null;

  /** The candidate runtime's scripts, read once: every host thread of the pool gets these strings. */
  runtime(): RuntimeScripts {
    if (this.scripts === null) {
      const b = ensureBundles();
      this.scripts = { prelude: readFileSync(b.prelude, "utf8"), inspect: readFileSync(b.inspect, "utf8") };
      this.hostScript = b.hostScript;
    }
    return this.scripts;
  }

  async acquire(): Promise<HostThread> {
    this.runtime();
    // The longest idle first: it has had the time to make its spare isolate (spare-isolate.ts).
    const h = this.idle.shift() ?? (await this.spawn());
    h.busy = true;
    h.warm = false;
    return h;
  }

  release(h: HostThread): void {
    h.onMessage = null;
    h.busy = false;
    if (!this.all.has(h)) return;
    this.idle.push(h);
    // Making a spare costs more CPU than a short run: made beside a grading's last tests, it slowed them
    // down. So spares wait until no host runs anything, or SPARE_DELAY_MS at most (a long run that
    // starts workers round after round still finds spares for its later rounds).
    if (![...this.all].some((x) => x.busy)) this.settleSpares();
    else this.spareTimer ??= setTimeout(() => this.settleSpares(), this.options.spareDelayMs ?? SPARE_DELAY_MS).unref();
  }

  /** Idle hosts told to keep a spare isolate. */
  spareHolders(): number {
    return this.idle.filter((h) => h.warm).length;
  }

  /**
   * The first KEEP_WARM idle hosts hold a spare; beyond them a host holds no isolate: their number
   * follows the most threads one run had alive, and each kept isolate may hold a quarter of its heap limit.
   */
  private settleSpares(): void {
    if (this.spareTimer) clearTimeout(this.spareTimer);
    this.spareTimer = null;
    this.idle.forEach((h, i) => {
      const warm = i < KEEP_WARM;
      if (h.warm === warm) return;
      h.warm = warm;
      h.cmd.postMessage({ t: warm ? "warm" : "cool" });
    });
  }

  /** Let an idle host go at shutdown: it exits by itself after a full GC (terminate() could abort the process, see thread-host.ts). */
  private discard(h: HostThread): Promise<void> {
    this.all.delete(h);
    this.idle = this.idle.filter((x) => x !== h);
    h.onMessage = null;
    return retireHost(h);
  }

  /** End idle host threads (busy ones are inside isolated-vm and end when their run stops). */
  async shutdown(): Promise<void> {
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((h) => this.discard(h)));
  }

  async warm(n: number): Promise<void> {
    this.runtime();
    const hs = await Promise.all(Array.from({ length: n }, () => this.spawn()));
    for (const h of hs) this.release(h);
  }

  private spawn(): Promise<HostThread> {
    const { port1, port2 } = new MessageChannel();
    // The runtime goes to a host once, here: the prelude sent with every run's start cost each run a
    // copy of 180 kB on both threads, and the host's copy a large-object page faulted in and unmapped again.
    const workerData: HostWorkerData = { cmd: port2, runtime: this.runtime() };
    const worker = new Worker(this.hostScript!, { workerData, transferList: [port2], stdout: false, stderr: false });
    const h: HostThread = { worker, cmd: port1, onMessage: null, busy: false, warm: false };
    this.all.add(h);
    return new Promise((resolvePromise, reject) => {
      const onReady = (m: FromHost) => {
        if (m.t !== "ready") return;
        worker.off("message", onReady);
        worker.on("message", (msg: FromHost) => {
          if (msg.t === "idle") this.release(h);
          else h.onMessage?.(msg);
        });
        // Warm hosts must not keep the grader process (or jest) alive; unref after the listeners.
        worker.unref();
        port1.unref();
        resolvePromise(h);
      };
      worker.on("message", onReady);
      worker.once("error", (e) => {
        this.all.delete(h);
        reject(e);
      });
      worker.once("exit", () => {
        this.all.delete(h);
        this.idle = this.idle.filter((x) => x !== h);
      });
    });
  }
}

export const hostPool = new HostPool();
