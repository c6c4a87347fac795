/**
 * Trailing-edge debounce: `fn` runs `ms` after the last call, with that call's arguments;
 * `cancel()` drops a pending call.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  const debounced = (...args: A): void => {
    throw new Error("not implemented");
  };
  return Object.assign(debounced, { cancel(): void {} });
}
