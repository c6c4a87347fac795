/**
 * Transferred ArrayBuffers: after postMessage(x, [ab]), structuredClone(x, { transfer: [ab] }) or a
 * Worker's transferList, the sender's buffer is detached (byteLength 0, its views empty) and the
 * receiver has the bytes; a failed clone detaches nothing. Each snippet's output must equal real Node's.
 */
import { describeNodeParity } from "./node-parity-suite";

const SNIPPETS: Record<string, string> = {
  structuredClone: `
    const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); } };
    const u = new Uint16Array([1, 2, 3]);
    const c = structuredClone({ u, buf: u.buffer }, { transfer: [u.buffer] });
    console.log(u.length, u.byteLength, u.buffer.byteLength, c.u, c.buf === c.u.buffer);
    const notInMessage = new ArrayBuffer(4);
    t(() => structuredClone(1, { transfer: [notInMessage] }));
    console.log("listed only:", notInMessage.byteLength);
    const kept = new ArrayBuffer(4);
    t(() => structuredClone({ kept, f() {} }, { transfer: [kept] }));
    console.log("failed clone keeps it:", kept.byteLength);
    const dup = new ArrayBuffer(4);
    t(() => structuredClone(dup, { transfer: [dup, dup] }));
    console.log("duplicate keeps it:", dup.byteLength);
    t(() => new Uint8Array(u.buffer));
    const big = new ArrayBuffer(8 << 20);
    new Uint8Array(big)[(8 << 20) - 1] = 7;
    const moved = structuredClone(big, { transfer: [big] });
    console.log(big.byteLength, moved.byteLength, new Uint8Array(moved)[(8 << 20) - 1]);
    // The handle the runtime detaches with is gone before candidate code runs.
    console.log(typeof globalThis.__h_xcopy, Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith("__h_")));
  `,
  workers: `
    import { Worker, isMainThread, parentPort, workerData, MessageChannel } from "node:worker_threads";
    if (isMainThread) {
      const init = new Uint8Array([9, 8, 7]);
      const w = new Worker(new URL(import.meta.url), { workerData: { init }, transferList: [init.buffer] });
      console.log("workerData transferred:", init.length);
      const ab = new ArrayBuffer(16);
      new Uint8Array(ab).fill(5);
      const view = new DataView(ab, 4);
      w.postMessage({ ab }, [ab]);
      let viewState = "view alive";
      try { view.getUint8(0); } catch (e) { viewState = e.name; }
      console.log("posted:", ab.byteLength, viewState);
      const { port1, port2 } = new MessageChannel();
      const viaPort = new ArrayBuffer(3);
      port1.postMessage(viaPort, [viaPort]);
      console.log("port:", viaPort.byteLength);
      port2.once("message", (m) => { console.log("port got", m.byteLength); port1.close(); });
      w.on("message", (m) => console.log("worker says", m));
      w.on("exit", (c) => console.log("exit", c));
    } else {
      parentPort.once("message", ({ ab }) => {
        parentPort.postMessage({ init: Array.from(workerData.init), ab: ab.byteLength, sum: new Uint8Array(ab).reduce((a, b) => a + b, 0) });
      });
    }
  `,
};

describeNodeParity("transferred ArrayBuffers behave as in node", SNIPPETS);
