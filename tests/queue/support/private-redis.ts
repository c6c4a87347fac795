// A Redis server of the test's own (a free port, nothing on disk), so a test can restart it without
// disturbing the shared Redis other tests use. Needs redis-server on PATH (Debian's redis-server).
import { spawn, type ChildProcess } from "node:child_process";
import IORedis from "ioredis";
import { freePort } from "../../app/support/app-server";

export interface PrivateRedis {
  url: string;
  /** Stops the server (every key is gone: it keeps nothing on disk) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    child.once("error", (e) => {
      throw new Error(`redis-server could not start (install Debian's redis-server): ${e.message}`);
    });
    for (let i = 0; i < 200 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await answers(url))) throw new Error(`redis-server did not answer on port ${port}`);
  };
  const stop = async () => {
    const c = child as ChildProcess | null;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  await launch();
  return { url, stop, restart: async () => {
    await stop();
    await launch();
  } };
}
