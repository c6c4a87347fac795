// Workers share a cursor but advance it only after the task finishes: every worker reads the
// same index first, so the first task runs `limit` times and the results shift.
export async function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next;
      results[i] = await tasks[i]();
      next++;
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(limit, tasks.length); w++) workers.push(worker());
  for (const w of workers) await w;
  return results;
}
