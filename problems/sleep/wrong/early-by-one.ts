// "Timers always fire a bit late, so start them 1 ms early to compensate."
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - 1)));
}
