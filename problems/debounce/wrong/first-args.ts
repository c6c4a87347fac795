// Restarts the wait on every call, but keeps the arguments of the first call of the burst.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingArgs: A | undefined;
  const debounced = (...args: A): void => {
    if (pendingArgs === undefined) pendingArgs = args;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const a = pendingArgs!;
      pendingArgs = undefined;
      timer = undefined;
      fn(...a);
    }, ms);
  };
  return Object.assign(debounced, {
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      pendingArgs = undefined;
    },
  });
}
