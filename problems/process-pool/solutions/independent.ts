// Written from the statement alone: eval workers (CommonJS, as in Node.js). Each map sends every
// worker one message holding its contiguous share of the items; the worker answers with its results
// or the first error; the main thread stitches the shares back together in order.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort } = require("node:worker_threads");
let lastSource = null;
let lastFn = null;
parentPort.on("message", (msg) => {
  try {
    if (msg.source !== lastSource) {
      lastFn = eval("(" + msg.source + ")");
      lastSource = msg.source;
    }
    const out = [];
    for (const item of msg.items) out.push(lastFn(item));
    parentPort.postMessage({ ticket: msg.ticket, out });
  } catch (err) {
    parentPort.postMessage({ ticket: msg.ticket, failed: String(err && err.message !== undefined ? err.message : err) });
  }
});
`;

type Answer = { ticket: number; out?: unknown[]; failed?: string };

export function createPool(size: number): { map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]>; close(): Promise<void> } {
  const threads: Worker[] = [];
  for (let i = 0; i < size; i++) threads.push(new Worker(SOURCE, { eval: true }));
  let ticket = 0;

  function ask(worker: Worker, message: { ticket: number; source: string; items: unknown[] }): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const onMessage = (answer: Answer) => {
        if (answer.ticket !== message.ticket) return;
        worker.off("message", onMessage);
        worker.off("error", onError);
        if (answer.failed !== undefined) reject(new Error(answer.failed));
        else resolve(answer.out!);
      };
      const onError = (err: Error) => {
        worker.off("message", onMessage);
        reject(err);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage(message);
    });
  }

  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      const source = fn.toString();
      const current = ++ticket;
      const share = Math.ceil(items.length / threads.length);
      const parts: Promise<unknown[]>[] = [];
      for (let k = 0; k < threads.length && k * share < items.length; k++) {
        parts.push(ask(threads[k], { ticket: current, source, items: items.slice(k * share, (k + 1) * share) }));
      }
      const answers = await Promise.all(parts);
      return answers.flat() as R[];
    },
    close(): Promise<void> {
      return Promise.all(threads.map((t) => t.terminate())).then(() => undefined);
    },
  };
}
