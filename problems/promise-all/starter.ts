/**
 * Starts every task at once and resolves with their results in input order;
 * rejects with the first rejection reason as soon as it happens.
 * Promise.all and Promise.allSettled are not allowed.
 */
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  throw new Error("not implemented");
}
