// Written from the statement alone: count privately, then publish with a compare-and-swap loop,
// retrying whenever another thread changed the counter between the read and the swap.
export function increment(counter: Int32Array, times: number): void {
  let local = 0;
  for (let i = 0; i < times; i++) local++;
  for (;;) {
    const seen = Atomics.load(counter, 0);
    if (Atomics.compareExchange(counter, 0, seen, seen + local) === seen) return;
  }
}
