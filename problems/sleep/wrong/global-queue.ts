// Every sleep is chained after the previous one "so timers never pile up": each sleep is
// long enough, but sleeps started together now run one after another.
let last: Promise<void> = Promise.resolve();

export function sleep(ms: number): Promise<void> {
  last = last.then(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return last;
}
