// Each access is atomic, the pair is not: another thread can store between the load and the store.
export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i < times; i++) {
    const value = Atomics.load(counter, 0);
    Atomics.store(counter, 0, value + 1);
  }
}
