// The count is handled atomically (so nobody blocks forever), but the head and tail indices are read
// and written back without a lock: two producers can read the same tail and write the same slot, two
// consumers the same head. Fine with one producer and one consumer, broken with more.
const COUNT = 0;
const HEAD = 1;
const TAIL = 2;
const HEADER = 4;

export class BoundedBlockingQueue {
  static bytes(capacity: number): number {
    return 4 * (HEADER + capacity);
  }

  private readonly s: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly capacity: number) {
    this.s = new Int32Array(sab);
  }

  enqueue(x: number): void {
    for (;;) {
      const c = Atomics.load(this.s, COUNT);
      if (c >= this.capacity) {
        Atomics.wait(this.s, COUNT, c);
        continue;
      }
      if (Atomics.compareExchange(this.s, COUNT, c, c + 1) === c) break;
    }
    const tail = this.s[TAIL];
    Atomics.store(this.s, HEADER + tail, x);
    this.s[TAIL] = (tail + 1) % this.capacity;
    Atomics.notify(this.s, COUNT);
  }

  dequeue(): number {
    for (;;) {
      const c = Atomics.load(this.s, COUNT);
      if (c <= 0) {
        Atomics.wait(this.s, COUNT, c);
        continue;
      }
      if (Atomics.compareExchange(this.s, COUNT, c, c - 1) === c) break;
    }
    const head = this.s[HEAD];
    const x = Atomics.load(this.s, HEADER + head);
    this.s[HEAD] = (head + 1) % this.capacity;
    Atomics.notify(this.s, COUNT);
    return x;
  }

  size(): number {
    return Atomics.load(this.s, COUNT);
  }
}
