// Waits by spinning on the clock: the time is right, but nothing else can run meanwhile.
export function sleep(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
  return Promise.resolve();
}
