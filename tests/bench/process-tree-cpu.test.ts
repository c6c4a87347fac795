import { afterEach, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { processTreeCpuMs } from "../../bench/process-tree-cpu";

// A process that burns `ms` of its own CPU (read from its own clock, so load cannot shorten it), starts
// `nested` more of itself first, prints its CPU when done, then idles until killed.
const BURNER = `
const { spawn } = require("node:child_process");
const [ms, nested] = process.argv.slice(1).map(Number);
const kids = Array.from({ length: nested }, () => spawn(process.execPath, ["-e", process.env.BURNER, String(ms), "0"], { stdio: ["ignore", "pipe", "ignore"], env: process.env }));
const burn = () => { const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ms); };
burn();
let total = process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
let waiting = kids.length;
const done = () => process.stdout.write(String(total) + "\\n");
for (const k of kids) k.stdout.once("data", (d) => { total += Number(String(d)); if (--waiting === 0) done(); });
if (waiting === 0) done();
setInterval(() => {}, 1000);
`;

const started: ChildProcess[] = [];
afterEach(() => {
  // The whole group: a burner's children would otherwise idle on after it.
  for (const c of started.splice(0)) process.kill(-c.pid!, "SIGKILL");
});

/** Starts a burner tree and resolves with its root and the CPU ms its processes report spending. */
function burnerTree(ms: number, nested: number): Promise<{ pid: number; reportedMs: number }> {
  const child = spawn(process.execPath, ["-e", BURNER, String(ms), String(nested)], {
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, BURNER, NODE_OPTIONS: "" },
    detached: true,
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout!.once("data", (d: Buffer) => resolve({ pid: child.pid!, reportedMs: Number(String(d)) }));
  });
}

describe("processTreeCpuMs (the bench's CPU per submission)", () => {
  it("counts a process's CPU and its descendants' while they live", async () => {
    const { pid, reportedMs } = await burnerTree(150, 2);
    // Three processes burned 150 ms each, on top of their start-up.
    expect(reportedMs).toBeGreaterThanOrEqual(450);
    const seen = processTreeCpuMs([pid])!;
    // schedstat and getrusage count the same CPU; the tree has spent a little more since it reported.
    expect(seen).toBeGreaterThanOrEqual(reportedMs * 0.95);
    expect(seen).toBeLessThan(reportedMs + 500);
  });

  it("counts nothing outside the tree it is given", async () => {
    const alone = await burnerTree(150, 0);
    expect(processTreeCpuMs([alone.pid])!).toBeLessThan(alone.reportedMs + 250);
  });
});
