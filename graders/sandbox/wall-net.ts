/**
 * The wall-clock safety net of a run. Wall time depends on machine load, so it must never decide a
 * verdict for a program that is working: each time `limitMs` of wall time passes, the net looks at
 * the CPU the candidate's threads spent meanwhile. Any progress re-arms it (the CPU limit, which is
 * load-independent, bounds a busy program); a program that spent no CPU for a whole period is stuck
 * in a way the deadlock check cannot see, and the net fires. The first period always counts as
 * progress: starting threads costs the host's time, not the candidate's CPU. `capMs` is the last resort.
 */
const PROGRESS_NS = 1_000_000n;

export interface WallNetOptions {
  limitMs: number;
  capMs: number;
  /** Candidate CPU so far, summed over threads. */
  cpuNs(): bigint;
  /** The net was re-armed (e.g. to tell a watchdog the run is alive). */
  onExtend?(): void;
  onExpire(reason: string): void;
}

export class WallNet {
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();

  constructor(private readonly o: WallNetOptions) {}

  /** Start the net (the first period is free, see above). */
  start(): void {
    this.arm(-PROGRESS_NS);
  }

  private arm(lastCpuNs: bigint, periodMs = this.o.limitMs): void {
    this.timer = setTimeout(() => this.check(lastCpuNs), periodMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private check(lastCpuNs: bigint): void {
    const cpu = this.o.cpuNs();
    const elapsed = Date.now() - this.startedAt;
    if (cpu - lastCpuNs < PROGRESS_NS) {
      return this.o.onExpire(`no thread used any CPU for ${this.o.limitMs} ms of wall time (stuck, but not in a wait the deadlock check can see)`);
    }
    if (elapsed >= this.o.capMs) return this.o.onExpire(`wall-clock safety net of ${this.o.capMs} ms exceeded`);
    this.o.onExtend?.();
    this.arm(cpu, Math.min(this.o.limitMs, this.o.capMs - elapsed));
  }
}
