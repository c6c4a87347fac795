/** Messages between the supervisor (grader process main thread) and host threads. */
import type { TableBuffers } from "./shared-table";
import type { RunLimits } from "./run-spec";
import type { MessagePort } from "node:worker_threads";
import type { RuntimeScripts } from "./host-bridge";

/** What a host thread is started with (host-pool.ts): its command port and the candidate runtime's scripts. */
export interface HostWorkerData {
  cmd: MessagePort;
  runtime: RuntimeScripts;
}

export type ThreadKind = "main" | "module" | "eval" | "thread";

export interface ThreadStart {
  t: "start";
  run: number;
  threadId: number;
  parentId: number;
  kind: ThreadKind;
  /** Module path (main/module), source (eval) or driver entry name (thread). */
  source: string;
  mode: "program" | "test";
  modules: Record<string, string>;
  entry: string;
  solution?: string;
  trusted: string[];
  input?: unknown;
  workerData?: unknown;
  seed: number;
  cores: number;
  limits: RunLimits;
  forbid: string[];
  startNs: number;
  table: TableBuffers;
  timeline: boolean;
  warmIsolates: boolean;
  /** RunSpec.threadsInTurn. */
  threadsInTurn: boolean;
  /** The CPU the run's threads are pinned to while they take turns; -1 for none. */
  turnCpu: number;
  blockedMs: number;
}

/** Supervisor -> host during a run. */
export type ToHost =
  | ThreadStart
  | { t: "deliver"; run: number; ev: Delivery; stamp: number }
  | { t: "stop"; run: number }
  /** Make a spare isolate like the last run's (spare-isolate.ts); only the pool's first few idle hosts get one. */
  | { t: "warm" }
  /** An idle host beyond the ones kept warm: let go of its isolates (memory). */
  | { t: "cool" }
  /** Collect garbage and exit (see thread-host.ts): never terminate() a thread that used isolated-vm. */
  | { t: "retire" };

export interface Delivery {
  k: "port" | "parent" | "close" | "worker" | "thread";
  id: number;
  type?: string;
  data?: unknown;
  ok?: boolean;
}

export interface ThreadEnd {
  threadId: number;
  /** ok = loop ended / settled; the others end the whole run. */
  status: "ok" | "runtime_error" | "time_limit_exceeded" | "memory_limit_exceeded" | "output_limit_exceeded" | "resource_limit" | "stopped" | "internal_error";
  message?: string;
  exitCode: number;
  error?: { name: string; message: string; stack?: string; threadId: number };
  /** Cloneable error for a parent's 'error' event. */
  errorValue?: unknown;
  settled?: { ok: boolean; value: unknown };
  cpuMs: number;
  longestTaskMs: number;
  longestTaskAt: number;
  tasks: number;
  /** Runs the thread's isolate has served, this one included (host-bridge.ts, warm isolates). */
  isolateRuns: number;
  /** The host thread that ran it (node:worker_threads threadId). */
  hostThread: number;
  endMs: number;
  spans: { start: number; end: number; kind: "task" | "blocked" | "wait"; label?: string }[];
}

/** Host -> supervisor. */
export type FromHost =
  | { t: "ready" }
  | { t: "out"; run: number; threadId: number; chunks: { stream: "stdout" | "stderr"; text: string }[] }
  | { t: "post"; run: number; from: number; kind: string; target: number; data: unknown; ports: number[]; stamp: number }
  | { t: "spawn"; run: number; parentId: number; threadId: number; kind: ThreadKind; source: string; data: unknown; ports: number[]; stamp: number }
  | { t: "terminate"; run: number; from: number; threadId: number }
  | { t: "portClose"; run: number; from: number; portId: number; stamp: number }
  | { t: "trace"; run: number; marks: { at: number; threadId: number; label: string; data?: unknown }[]; logs: { at: number; threadId: number; text: string }[] }
  | { t: "wait"; run: number; threadId: number; on: string | null }
  | { t: "forbidden"; run: number; name: string }
  | { t: "quiescent"; run: number; threadId: number }
  | { t: "online"; run: number; threadId: number; stamp: number }
  | { t: "end"; run: number; end: ThreadEnd }
  | { t: "idle" };
