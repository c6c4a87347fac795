// One shared 10 ms tick for every sleep, to avoid "too many timers"; the number of ticks is
// rounded down, so a sleep that is not a multiple of 10 ms ends early.
const TICK_MS = 10;
const waiting: { ticksLeft: number; resolve: () => void }[] = [];
let ticker: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (let i = waiting.length - 1; i >= 0; i--) {
    if (--waiting[i].ticksLeft <= 0) {
      waiting[i].resolve();
      waiting.splice(i, 1);
    }
  }
  if (waiting.length === 0 && ticker !== undefined) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  const ticks = Math.floor(ms / TICK_MS);
  if (ticks === 0) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push({ ticksLeft: ticks, resolve });
    ticker ??= setInterval(tick, TICK_MS);
  });
}
