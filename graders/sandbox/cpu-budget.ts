/**
 * The run's CPU budget, watched while candidate code runs. Each thread adds a macrotask's CPU to the
 * run's total when the macrotask ends; a loop that never returns would otherwise only be stopped by
 * its isolate's timeout (then twice, now ten times the budget in wall time). Every few ms the supervisor sums the finished
 * macrotasks and the running ones' CPU so far (SharedTable.liveCpu, read from each host thread's CPU
 * clock, so machine load does not move it) and ends the run once the sum passes the budget. The sum
 * never exceeds what the threads would account themselves, so the verdict is the one the end of the
 * macrotask would have given, only sooner.
 */
import type { SharedTable } from "./shared-table";

const POLL_MS = 5;

export class CpuBudget {
  private timer: NodeJS.Timeout | null = null;

  constructor(private table: SharedTable, private budgetNs: bigint, private onExceeded: () => void) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.table.liveCpu() > this.budgetNs) {
        this.stop();
        this.onExceeded();
      }
    }, POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
