// Ignores calls while a timer is pending: fn runs `ms` after the FIRST call of a burst
// (with the latest arguments), which is throttling, not debouncing.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: A;
  const debounced = (...args: A): void => {
    latest = args;
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn(...latest);
    }, ms);
  };
  return Object.assign(debounced, {
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  });
}
