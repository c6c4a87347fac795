// A spin lock around the increment, but the lock word lives in a module-level buffer.
// Every thread imports the module on its own, so each thread gets its own lock: nothing is
// excluded and counter[0] = counter[0] + 1 still races.
const lock = new Int32Array(new SharedArrayBuffer(4));

export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i < times; i++) {
    while (Atomics.compareExchange(lock, 0, 0, 1) !== 0);
    counter[0] = counter[0] + 1;
    Atomics.store(lock, 0, 0);
  }
}
