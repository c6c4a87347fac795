/** A timer owns the wait, so the event loop stays free and many sleeps overlap. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
