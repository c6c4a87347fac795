// Checks the clock every 50 ms: never early, but up to 50 ms late, and sleep(0) waits 50 ms.
export function sleep(ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve) => {
    const id = setInterval(() => {
      if (Date.now() >= end) {
        clearInterval(id);
        resolve();
      }
    }, 50);
  });
}
