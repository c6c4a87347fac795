// Stores each result at its index but uses results.length as the "done" counter: when the
// last task finishes first, results[n - 1] = v makes the length n at once, and the promise
// resolves with holes where the slower results should be.
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = [];
    if (tasks.length === 0) return resolve(results);
    tasks.forEach((task, i) => {
      task().then((value) => {
        results[i] = value;
        if (results.length === tasks.length) resolve(results);
      }, reject);
    });
  });
}
