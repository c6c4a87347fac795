// Reference: every phase runs on all workers. Phase 1: worker t sorts slice t of the shared array in
// place. Then rounds of pairwise merges between `data` and a shared scratch array: the output range of a
// round is cut into equal parts, and each worker merges the part it owns, finding where its part starts
// in both input runs by binary search ("merge path"). A last parallel copy brings the result home.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Task =
  | { kind: "sort"; data: Int32Array; from: number; to: number }
  | { kind: "merge"; src: Int32Array; dst: Int32Array; runs: number[]; from: number; to: number }
  | { kind: "copy"; src: Int32Array; dst: Int32Array; from: number; to: number };

/** How many of the first k outputs of merge(a[aLo,aHi), b[bLo,bHi)) come from a (ties taken from a first). */
function coRank(k: number, v: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number): number {
  let lo = Math.max(0, k - (bHi - bLo));
  let hi = Math.min(k, aHi - aLo);
  while (lo < hi) {
    const i = (lo + hi) >> 1;
    const j = k - i;
    // Taking i from a is too few if a[i] <= b[j-1]: a[i] would be output before b[j-1].
    if (j > 0 && v[aLo + i] <= v[bLo + j - 1]) lo = i + 1;
    else hi = i;
  }
  return lo;
}

/** Writes outputs [from, to) of the merge of src[lo,mid) and src[mid,hi) into dst[from, to). */
function mergePart(src: Int32Array, dst: Int32Array, lo: number, mid: number, hi: number, from: number, to: number): void {
  const i0 = coRank(from - lo, src, lo, mid, mid, hi);
  let i = lo + i0;
  let j = mid + (from - lo - i0);
  for (let k = from; k < to; k++) dst[k] = j >= hi || (i < mid && src[i] <= src[j]) ? src[i++] : src[j++];
}

function runTask(task: Task): void {
  if (task.kind === "sort") task.data.subarray(task.from, task.to).sort();
  else if (task.kind === "copy") task.dst.set(task.src.subarray(task.from, task.to), task.from);
  else {
    const { src, dst, runs, from, to } = task;
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const lo = runs[r];
      const mid = runs[r + 1];
      const hi = runs[Math.min(r + 2, runs.length - 1)];
      const a = Math.max(from, lo);
      const b = Math.min(to, hi);
      if (a < b) mergePart(src, dst, lo, mid, hi, a, b);
    }
  }
}

if (!isMainThread) {
  parentPort!.on("message", (task: Task) => {
    runTask(task);
    parentPort!.postMessage("done");
  });
}

export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  const n = data.length;
  const parts = Math.max(1, Math.min(workers, n));
  const cut = (t: number) => Math.floor((t * n) / parts);
  const pool = Array.from({ length: parts }, () => new Worker(new URL(import.meta.url)));
  const round = (task: (t: number) => Task) =>
    Promise.all(
      pool.map(
        (w, t) =>
          new Promise<void>((resolve, reject) => {
            w.once("message", () => resolve());
            w.once("error", reject);
            w.postMessage(task(t));
          }),
      ),
    );
  try {
    await round((t) => ({ kind: "sort", data, from: cut(t), to: cut(t + 1) }));
    let runs = Array.from({ length: parts + 1 }, (_, t) => cut(t));
    let src: Int32Array = data;
    let dst: Int32Array = new Int32Array(new SharedArrayBuffer(n * 4));
    while (runs.length > 2) {
      const [from, to] = [src, dst];
      const current = runs;
      await round((t) => ({ kind: "merge", src: from, dst: to, runs: current, from: cut(t), to: cut(t + 1) }));
      const next = [runs[0]];
      for (let r = 0; r + 1 < runs.length; r += 2) next.push(runs[Math.min(r + 2, runs.length - 1)]);
      runs = next;
      [src, dst] = [dst, src];
    }
    if (src !== data) {
      const from = src;
      await round((t) => ({ kind: "copy", src: from, dst: data, from: cut(t), to: cut(t + 1) }));
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
