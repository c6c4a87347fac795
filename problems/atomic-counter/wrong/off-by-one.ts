// One increment too many per call: 4 × (times + 1) whatever the schedule.
export function increment(counter: Int32Array, times: number): void {
  for (let i = 0; i <= times; i++) {
    Atomics.add(counter, 0, 1);
  }
}
