// "Be resilient": a failing task just leaves undefined in its slot and never rejects the whole.
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise((resolve) => {
    const results: T[] = new Array(tasks.length);
    let pending = tasks.length;
    if (pending === 0) return resolve(results);
    tasks.forEach((task, i) => {
      task()
        .then((value) => {
          results[i] = value;
        })
        .catch(() => {
          // ignore the failure and keep going
        })
        .finally(() => {
          if (--pending === 0) resolve(results);
        });
    });
  });
}
