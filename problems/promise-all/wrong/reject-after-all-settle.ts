// Waits for every task to settle and only then reports the first error: the right reason,
// but far too late (allSettled semantics, hand-written).
export function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = new Array(tasks.length);
    let firstError: { reason: unknown } | undefined;
    let pending = tasks.length;
    if (pending === 0) return resolve(results);
    const done = () => {
      if (--pending > 0) return;
      if (firstError) reject(firstError.reason);
      else resolve(results);
    };
    tasks.forEach((task, i) => {
      task().then(
        (value) => {
          results[i] = value;
          done();
        },
        (reason) => {
          firstError ??= { reason };
          done();
        },
      );
    });
  });
}
