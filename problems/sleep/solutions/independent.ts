// Written from the statement alone: re-arms the timer until the deadline has really passed,
// so it can never resolve early even if a timer fired a little before its time.
export function sleep(ms: number): Promise<void> {
  const deadline = performance.now() + Math.max(0, ms);
  return new Promise<void>((resolve) => {
    const wake = (): void => {
      const remaining = deadline - performance.now();
      if (remaining <= 0) resolve();
      else setTimeout(wake, remaining);
    };
    wake();
  });
}
