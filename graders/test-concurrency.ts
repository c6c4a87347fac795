/**
 * How a grading's tests share the machine: up to `limit` run at once, started in the package's order,
 * and a test that measures speedup runs alone. A test's verdict reads its threads' own CPU clocks, so
 * another test running beside it changes its wall time, not its figures (the same holds under any
 * other load, tests/grader/load-robustness.test.ts); a speedup test's threads take turns on one core,
 * and nothing of the same grading should compete with them for it.
 */
export async function forEachTest<T>(
  items: readonly T[],
  limit: number,
  runsAlone: (item: T) => boolean,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const [index, item] of items.entries()) {
    const alone = limit <= 1 || runsAlone(item);
    while (running.size >= (alone ? 1 : limit)) await Promise.race(running);
    const p: Promise<void> = fn(item, index).then(() => void running.delete(p));
    running.add(p);
    if (alone) await p;
  }
  await Promise.all(running);
}
