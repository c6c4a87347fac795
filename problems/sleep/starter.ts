/** Resolves after `ms` milliseconds, never earlier, without blocking the event loop. */
export function sleep(ms: number): Promise<void> {
  throw new Error("not implemented");
}
