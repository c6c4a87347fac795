// Looks right and returns the right values, but each task starts only after the previous one
// has finished: the total time is the sum of the tasks, not the longest one.
export async function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  for (const task of tasks) {
    results.push(await task());
  }
  return results;
}
