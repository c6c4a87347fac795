/**
 * Runs the tasks with at most `limit` in flight, starting the next one as soon as one settles;
 * resolves with the results in input order; on the first rejection, rejects with its reason and
 * starts no further task.
 */
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  throw new Error("not implemented");
}
