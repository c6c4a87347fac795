// The timer lives at module level, shared by every debounced function: a call to one of them
// cancels the pending call of another.
let timer: ReturnType<typeof setTimeout> | undefined;

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  const debounced = (...args: A): void => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(debounced, {
    cancel(): void {
      clearTimeout(timer);
    },
  });
}
