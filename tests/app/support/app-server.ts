// Starts the real app the way users do (`node scripts/start.mjs`: migrate, seed, build when stale,
// next start) on a free port against a given database, and stops it with its whole process group.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface AppServer {
  base: string;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startAppServer(databaseUrl: string, timeoutMs: number): Promise<AppServer> {
  const port = await freePort();
  // Without NODE_ENV: jest sets "test", and next build/start must choose their own.
  const { NODE_ENV: _jestNodeEnv, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" } as unknown as NodeJS.ProcessEnv;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on("data", (d) => (output = (output + d).slice(-20_000)));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => ((exited = code ?? 1), resolve())));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await exit;
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`scripts/start.mjs exited with ${exited}:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`app did not answer /api/health within ${timeoutMs / 1000} s:\n${output}`);
}
