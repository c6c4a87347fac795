// Non-blocking polling: each check is its own macrotask, so the loop is never blocked, but the
// thread never goes idle and burns CPU for the whole wait (an hour of CPU for sleep(3_600_000)).
export function sleep(ms: number): Promise<void> {
  const end = performance.now() + ms;
  return new Promise((resolve) => {
    const poll = (): void => {
      if (performance.now() >= end) resolve();
      else setImmediate(poll);
    };
    poll();
  });
}
