/**
 * Every task is started in one synchronous pass; a counter of outstanding tasks decides when
 * the results are complete, because the array's length says nothing once slots fill out of order.
 */
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let outstanding = tasks.length;
    if (outstanding === 0) {
      resolve(results);
      return;
    }
    tasks.forEach((task, i) => {
      task().then((value) => {
        results[i] = value;
        if (--outstanding === 0) resolve(results);
      }, reject);
    });
  });
}
