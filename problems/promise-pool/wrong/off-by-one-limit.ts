// Checks the limit with <= instead of <, so limit + 1 tasks run at once.
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    let running = 0;
    let done = 0;
    let failed = false;
    if (tasks.length === 0) return resolve(results);
    const launch = () => {
      while (!failed && running <= limit && next < tasks.length) {
        const i = next++;
        running++;
        tasks[i]().then(
          (v) => {
            results[i] = v;
            running--;
            if (++done === tasks.length) resolve(results);
            else launch();
          },
          (e) => {
            failed = true;
            reject(e);
          },
        );
      }
    };
    launch();
  });
}
