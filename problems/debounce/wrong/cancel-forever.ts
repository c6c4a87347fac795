// cancel() sets a flag that is checked when the timer fires, and never resets it: the pending
// call is dropped, but so is every call made after the cancel.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const debounced = (...args: A): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!cancelled) fn(...args);
    }, ms);
  };
  return Object.assign(debounced, {
    cancel(): void {
      cancelled = true;
    },
  });
}
