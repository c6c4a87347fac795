// Results are pushed as tasks finish, so they come out in completion order, not input order.
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = [];
    if (tasks.length === 0) return resolve(results);
    for (const task of tasks) {
      task().then((value) => {
        results.push(value);
        if (results.length === tasks.length) resolve(results);
      }, reject);
    }
  });
}
