// Written from the statement alone, lodash-style: one timer at a time; when it fires it checks
// whether a newer call arrived meanwhile and, if so, sleeps again for the time still left.
// No clearTimeout on every call, so a stream of calls costs one timer per wait, not one per call.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let lastCall = 0;
  let lastArgs: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function onTimer(): void {
    const left = lastCall + ms - performance.now();
    if (left > 0) {
      timer = setTimeout(onTimer, left);
      return;
    }
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  }

  function debounced(...args: A): void {
    lastCall = performance.now();
    lastArgs = args;
    if (timer === null) timer = setTimeout(onTimer, ms);
  }

  debounced.cancel = function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
  };

  return debounced;
}
