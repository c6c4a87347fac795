// "A pool" that runs fn on the main thread: results are right and close() has nothing to end, but no
// work ever leaves the main thread.
export function createPool(size: number) {
  return {
    async map<T, R>(fn: (x: T) => R, items: T[]): Promise<R[]> {
      return items.map((x) => fn(x));
    },
    async close(): Promise<void> {},
  };
}
