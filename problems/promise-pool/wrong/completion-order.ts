// A correct pool, except that results are pushed in the order tasks finish.
export function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = [];
    let next = 0;
    let running = 0;
    let failed = false;
    if (tasks.length === 0) return resolve(results);
    const launch = () => {
      while (!failed && running < limit && next < tasks.length) {
        const task = tasks[next++];
        running++;
        task().then(
          (v) => {
            results.push(v);
            running--;
            if (results.length === tasks.length) resolve(results);
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
