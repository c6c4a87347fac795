// Written from the statement alone: `limit` async workers pull indices from a shared counter.
// The index is claimed before the await, so the counter never hands out the same task twice.
export async function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let cursor = 0;
  let stopped = false;

  async function worker(): Promise<void> {
    while (!stopped && cursor < tasks.length) {
      const index = cursor;
      cursor += 1;
      try {
        results[index] = await tasks[index]();
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  }

  return new Promise<T[]>((resolve, reject) => {
    const workerCount = Math.min(limit, tasks.length);
    let finished = 0;
    if (workerCount === 0) {
      resolve(results);
      return;
    }
    for (let w = 0; w < workerCount; w++) {
      worker().then(() => {
        finished += 1;
        if (finished === workerCount) resolve(results);
      }, reject);
    }
  });
}
