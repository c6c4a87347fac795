/** Each increment is one indivisible read-modify-write on the shared memory. */
export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i < times; i++) {
    Atomics.add(counter, 0, 1);
  }
}
