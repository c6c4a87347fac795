// Looks atomic, is not: counter[0]++ reads, adds and writes back in three steps,
// so two threads can read the same value and one of the two increments is lost.
export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i < times; i++) {
    counter[0]++;
  }
}
