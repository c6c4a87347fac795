/**
 * Stops candidate threads whose code runs on past where it must end, through their watchdogs
 * (isolate-watchdog.ts): a worker that terminate() asked to stop once its live clock reaches the stop
 * time, and every thread still running when the run ends. It polls every millisecond while it has
 * work: a thread spinning in a loop never calls the host, so nothing else would tell us.
 */
import type { SharedTable } from "./shared-table";
import { requestKill, type WatchCell } from "./watch-cell";

export class Reaper {
  private due = new Map<number, () => boolean>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private table: SharedTable, private ended: (threadId: number) => boolean) {}

  /** Stop thread `threadId` as soon as `when()` holds while its candidate code runs. */
  add(threadId: number, when: () => boolean): void {
    this.due.set(threadId, when);
    this.tick();
    if (this.due.size && !this.timer) this.timer = setInterval(() => this.tick(), 1);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.due.clear();
  }

  private cell(threadId: number): WatchCell {
    return { ints: this.table.ints, index: this.table.watchIndex(threadId) };
  }

  private tick(): void {
    for (const [id, when] of this.due) {
      if (this.ended(id) || (when() && requestKill(this.cell(id)))) this.due.delete(id);
    }
    if (!this.due.size && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
