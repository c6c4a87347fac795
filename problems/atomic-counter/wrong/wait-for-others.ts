// Adds atomically, then tries to return only once all four threads are done, by sleeping until the
// counter reaches 4 × times. Nobody ever calls Atomics.notify, so the sleepers never wake up.
export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i < times; i++) Atomics.add(counter, 0, 1);
  const total = 4 * times;
  for (let seen = Atomics.load(counter, 0); seen < total; seen = Atomics.load(counter, 0)) {
    Atomics.wait(counter, 0, seen);
  }
}
