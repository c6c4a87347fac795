// Leading-edge: runs fn at once on the first call, then ignores calls for `ms`.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let blockedUntil = -Infinity;
  const debounced = (...args: A): void => {
    const now = Date.now();
    if (now < blockedUntil) return;
    blockedUntil = now + ms;
    fn(...args);
  };
  return Object.assign(debounced, {
    cancel(): void {
      blockedUntil = -Infinity;
    },
  });
}
