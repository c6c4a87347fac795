// Runs the tasks in batches of `limit` and waits for the whole batch before starting the next:
// never over the limit, but one slow task holds up every free slot.
export async function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += limit) {
    const batch = tasks.slice(i, i + limit).map((task) => task());
    results.push(...(await Promise.all(batch)));
  }
  return results;
}
