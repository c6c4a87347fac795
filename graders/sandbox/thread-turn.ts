/**
 * Candidate threads of one run taking turns on the CPU, one macrotask at a time (RunSpec.threadsInTurn),
 * for tests that measure speedup.
 *
 * Why: virtual time already models an ideal machine with a core per thread, each thread's clock moving
 * with its own CPU time. But a thread's CPU time for the same work grows when the run's other threads
 * compute at the same moment (shared caches, memory bandwidth, a hypervisor's sibling threads). On a
 * quiet machine two word-frequency workers side by side each read about 10% more CPU than in turn; in
 * a CI run on a busy machine a correct solution's 2-worker run read 143 ms against 77 quiet (its
 * one-worker run 145 against 96), a speedup of 1.02. Taken in turn, every macrotask is measured with
 * none of its run's threads beside it, so a w-worker run and its one-worker run are measured alike,
 * and the figure is the program's parallel structure rather than the machine's contention. The
 * virtual clocks and the order of events do not change: the run's threads already synchronise by
 * virtual time, not by real time.
 *
 * The turn is advisory: a thread waits at most PATIENCE_MS of wall time for it, then runs alongside.
 * So a candidate that spins on shared memory inside one macrotask, waiting for another thread's store,
 * is slowed, never hung.
 */
const PATIENCE_MS = 500;
/** The cell's value when the last holder left it to a thread already waiting (a newcomer may not take it). */
const FOR_A_WAITER = -1;

export class ThreadTurn {
  private held = false;

  /**
   * @param ints the run's shared table; `cell` holds the holder's id + 1 (0 = free), `waiters` how many wait.
   */
  constructor(
    private readonly ints: Int32Array,
    private readonly cell: number,
    private readonly waiters: number,
    private readonly me: number,
    private readonly enabled: boolean,
  ) {}

  take(): void {
    if (!this.enabled || this.held) return;
    const token = this.me + 1;
    if (Atomics.compareExchange(this.ints, this.cell, 0, token) === 0) {
      this.held = true;
      return;
    }
    Atomics.add(this.ints, this.waiters, 1);
    try {
      const giveUpAt = Date.now() + PATIENCE_MS;
      for (;;) {
        const seen = Atomics.load(this.ints, this.cell);
        if ((seen === 0 || seen === FOR_A_WAITER) && Atomics.compareExchange(this.ints, this.cell, seen, token) === seen) {
          this.held = true;
          return;
        }
        const left = giveUpAt - Date.now();
        if (left <= 0) return;
        Atomics.wait(this.ints, this.cell, seen, Math.min(left, 20));
      }
    } finally {
      Atomics.sub(this.ints, this.waiters, 1);
    }
  }

  /** Leaves the turn; says whether this thread had it. */
  give(): boolean {
    if (!this.held) return false;
    this.held = false;
    // Handed to a waiter, so a thread running macrotask after macrotask cannot keep it from the others.
    Atomics.store(this.ints, this.cell, Atomics.load(this.ints, this.waiters) > 0 ? FOR_A_WAITER : 0);
    Atomics.notify(this.ints, this.cell, 1);
    return true;
  }
}
