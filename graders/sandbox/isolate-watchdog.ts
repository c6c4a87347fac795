/**
 * Stops a candidate isolate from another thread. A host thread drives its isolate synchronously, so
 * while candidate code runs a loop that never calls the host, nothing on that thread can interrupt it
 * (isolated-vm's per-call timeout was the only way out, at twice the CPU budget in wall time). So each
 * host thread keeps a tiny watchdog isolate whose `watch` runs on isolated-vm's own thread pool,
 * blocked on the thread's cell in the run table; when the supervisor asks, it disposes the candidate
 * isolate, and isolated-vm terminates the script running in it. The cell protocol: watch-cell.ts.
 */
import ivm from "isolated-vm";
import { WATCH, type WatchCell } from "./watch-cell";

const WATCH_SOURCE = `(function watch(buffer, i, isolate) {
  const cell = new Int32Array(buffer);
  for (;;) {
    const v = Atomics.load(cell, i);
    if (v === ${WATCH.OFF}) return;
    if (v === ${WATCH.KILL}) {
      try { isolate.dispose(); } catch {}
      Atomics.store(cell, i, ${WATCH.KILLED});
      Atomics.notify(cell, i);
      return;
    }
    Atomics.wait(cell, i, v);
  }
})`;

let watcher: ivm.Reference<(buffer: SharedArrayBuffer, i: number, isolate: ivm.Isolate) => void> | null = null;

/** Start watching `isolate` through `cell` (one watch per thread; ends when the cell reads OFF). */
export function armWatchdog(isolate: ivm.Isolate, cell: WatchCell): void {
  if (!watcher) {
    const wd = new ivm.Isolate({ memoryLimit: 8 });
    watcher = wd.createContextSync().evalSync(WATCH_SOURCE, { reference: true });
  }
  const shared = new ivm.ExternalCopy(cell.ints.buffer as SharedArrayBuffer).copyInto({ release: true });
  watcher.apply(undefined, [shared, cell.index, isolate]).catch(() => {});
}

