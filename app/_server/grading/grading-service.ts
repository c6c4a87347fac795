// The app's one dispatcher, started on first use (a route, or instrumentation at server start) and kept on
// globalThis so dev-mode reloads do not start a second one. Starting it is what picks up the submissions
// a previous run of the app left queued or running.
import "server-only";
import type { GraderPool } from "../../../graders/index";
import { db } from "../db";
import { createDispatcher, type DispatcherHandle } from "./create-dispatcher";
import type { Dispatcher } from "./dispatcher";
import { gradingConfig, type GradingConfig } from "./grading-config";
import { submit, type SubmitInput, type Submitted } from "./submit";

interface Holder {
  grading?: { handle: DispatcherHandle; started: Promise<void>; config: GradingConfig };
}
const holder = globalThis as unknown as Holder;

function service() {
  if (!holder.grading) {
    const config = gradingConfig();
    const handle = createDispatcher(db, config);
    const started = handle.dispatcher.start();
    // A failed start (Redis unreachable) is retried on the next use rather than kept forever.
    started.catch((e) => {
      console.error("grading: dispatcher failed to start:", e);
      if (holder.grading?.handle === handle) holder.grading = undefined;
      void handle.close().catch(() => {});
    });
    holder.grading = { handle, started, config };
  }
  return holder.grading;
}

/** Starts grading if it is not running yet (idempotent). */
export async function startGrading(): Promise<Dispatcher> {
  const s = service();
  await s.started;
  return s.handle.dispatcher;
}

/** The embedded mode's grader pool (none in BullMQ mode), shared with the admin's package checks. */
export function localGraderPool(): GraderPool | undefined {
  return service().handle.pool;
}

export function gradingSettings(): GradingConfig {
  return service().config;
}

/** submit() against the app's database and dispatcher. */
export async function submitForGrading(input: SubmitInput): Promise<Submitted> {
  const s = service();
  // Storing does not wait for the dispatcher: a submission is accepted even while Redis is down.
  void s.started.catch(() => {});
  return submit(input, { db, dispatcher: lazyDispatcher(s), config: s.config });
}

/** Enqueue once the dispatcher is up; until then the stored row waits for the start-up recovery. */
function lazyDispatcher(s: ReturnType<typeof service>): Dispatcher {
  return {
    mode: s.handle.dispatcher.mode,
    start: () => s.started,
    enqueue: async (id) => {
      await s.started;
      await s.handle.dispatcher.enqueue(id);
    },
    close: () => s.handle.close(),
  };
}

export async function stopGrading(): Promise<void> {
  const s = holder.grading;
  holder.grading = undefined;
  await s?.handle.close();
}
