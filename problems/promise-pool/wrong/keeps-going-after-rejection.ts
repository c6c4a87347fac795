// Each worker catches its task's failure and carries on with the next task; the first error is
// reported only once every task has run. Tasks keep starting after the pool should have stopped.
export async function promisePool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let firstError: { reason: unknown } | undefined;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]();
      } catch (reason) {
        firstError ??= { reason };
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(limit, tasks.length); w++) workers.push(worker());
  for (const w of workers) await w;
  if (firstError) throw firstError.reason;
  return results;
}
