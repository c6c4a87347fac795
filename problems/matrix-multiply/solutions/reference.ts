// Reference: a, b and the result live in SharedArrayBuffers; worker k computes a contiguous block of
// rows. The loop order is i, k, j (rows of b are read in order, which is cache-friendly); each element
// still starts at +0 and receives its products in k-ascending order, so the bits are the triple loop's.
import { Worker, isMainThread, parentPort } from "node:worker_threads";

type Job = { a: SharedArrayBuffer; b: SharedArrayBuffer; c: SharedArrayBuffer; n: number; from: number; to: number };

function multiplyRows({ a, b, c, n, from, to }: Job): void {
  const A = new Float64Array(a);
  const B = new Float64Array(b);
  const C = new Float64Array(c);
  const row = new Float64Array(n);
  for (let i = from; i < to; i++) {
    row.fill(0);
    for (let k = 0; k < n; k++) {
      const aik = A[i * n + k];
      const bk = k * n;
      for (let j = 0; j < n; j++) row[j] += aik * B[bk + j];
    }
    C.set(row, i * n);
  }
}

if (!isMainThread) {
  parentPort!.on("message", (job: Job) => {
    multiplyRows(job);
    parentPort!.postMessage("done");
  });
}

function shared(m: Float64Array): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(m.length * 8);
  new Float64Array(sab).set(m);
  return sab;
}

export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const job = { a: shared(a), b: shared(b), c: new SharedArrayBuffer(n * n * 8), n };
  const threads = Math.max(1, Math.min(workers, n));
  const jobs: Promise<void>[] = [];
  for (let t = 0; t < threads; t++) {
    const from = Math.floor((t * n) / threads);
    const to = Math.floor(((t + 1) * n) / threads);
    jobs.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url));
        worker.once("message", () => worker.terminate().then(() => resolve(), reject));
        worker.once("error", reject);
        worker.postMessage({ ...job, from, to });
      }),
    );
  }
  await Promise.all(jobs);
  return new Float64Array(job.c).slice();
}
