// Written from the statement alone, with async/await: each task gets its own async wrapper that
// stores its result; the first failure settles the outer promise at once (later ones are ignored,
// since a promise settles only once, and every task promise has a handler so none goes unhandled).
export async function promiseAll<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const out: T[] = [];
  let remaining = tasks.length;
  if (remaining === 0) return out;
  return new Promise<T[]>((resolve, reject) => {
    for (let i = 0; i < tasks.length; i++) {
      (async () => {
        try {
          out[i] = await tasks[i]();
          remaining -= 1;
          if (remaining === 0) resolve(out);
        } catch (reason) {
          reject(reason);
        }
      })();
    }
  });
}
