// Real processes for the queue tests: `npm run grader` workers and an embedded-mode "app" that can be
// SIGKILLed. Each runs in its own process group so a kill takes its grader processes with it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface Child {
  pid: number;
  output(): string;
  /** Signal to the whole process group. */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

function start(script: string, env: Record<string, string>, readyLine: RegExp, timeoutMs = 300_000): Promise<Child> {
  const { NODE_ENV: _jest, ...inherited } = process.env;
  const proc: ChildProcess = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", script], {
    cwd: ROOT,
    env: { ...inherited, ...env } as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const child: Child = {
    pid: proc.pid!,
    output: () => output,
    kill: (signal) => {
      try {
        process.kill(-proc.pid!, signal);
      } catch {
        // already gone
      }
    },
    exited,
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000);
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before ready:\n${output}`));
    });
  });
}

export function startGraderWorker(env: Record<string, string>): Promise<Child> {
  return start("scripts/grader-worker.ts", env, /grader: ready/);
}

export function startEmbeddedApp(env: Record<string, string>): Promise<Child> {
  return start("tests/queue/support/embedded-app.ts", env, /embedded app: ready/);
}

export async function stopAll(children: Child[], signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  for (const c of children) c.kill(signal);
  await Promise.all(children.map((c) => c.exited));
}
