// Delays every call by `ms` but never clears the previous timer: nothing is debounced.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A): void => {
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(debounced, {
    cancel(): void {
      clearTimeout(timer);
    },
  });
}
