// Starts every task at once (good), then awaits them in input order. If a later task rejects
// while an earlier one is still pending, nothing is listening to its promise yet: an unhandled
// rejection, which ends the program in Node.js.
export async function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const promises = tasks.map((task) => task());
  const results: T[] = [];
  for (const p of promises) {
    results.push(await p);
  }
  return results;
}
