/**
 * `limit` workers share one cursor into the task list. A worker takes the next index before it
 * awaits, so no two workers ever run the same task; the first failure flips `failed`, which
 * stops every worker from taking another task.
 */
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    let running = 0;
    let failed = false;

    const launch = (): void => {
      while (!failed && running < limit && next < tasks.length) {
        const i = next++;
        running++;
        tasks[i]().then(
          (value) => {
            results[i] = value;
            running--;
            if (next === tasks.length && running === 0) resolve(results);
            else launch();
          },
          (reason) => {
            failed = true;
            reject(reason);
          },
        );
      }
    };

    if (tasks.length === 0) resolve(results);
    else launch();
  });
}
