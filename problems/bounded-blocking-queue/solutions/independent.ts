// Written from the statement alone, without a lock: every enqueue takes a ticket t from a shared
// counter and owns slot t % capacity for "round" r = floor(t / capacity). Each slot has a state word:
// 2r means empty and waiting for round r's item, 2r + 1 means it holds round r's item. A producer
// sleeps until its slot is empty for its round (the queue is full otherwise), a consumer until the
// slot holds its round's item (empty otherwise). Zero-filled memory = every slot empty for round 0.
//
// Int32 layout: [enqueue tickets, dequeue tickets, items held, unused, state × cap, item × cap]

export class BoundedBlockingQueue {
  static bytes(capacity: number) {
    return (4 + 2 * capacity) * 4;
  }

  cap: number;
  meta: Int32Array;
  state: Int32Array;
  slot: Int32Array;

  constructor(sab: SharedArrayBuffer, capacity: number) {
    this.cap = capacity;
    this.meta = new Int32Array(sab, 0, 4);
    this.state = new Int32Array(sab, 16, capacity);
    this.slot = new Int32Array(sab, 16 + 4 * capacity, capacity);
  }

  enqueue(x: number) {
    const t = Atomics.add(this.meta, 0, 1);
    const i = t % this.cap;
    this.waitFor(i, 2 * Math.floor(t / this.cap));
    Atomics.store(this.slot, i, x);
    Atomics.add(this.meta, 2, 1);
    Atomics.add(this.state, i, 1);
    Atomics.notify(this.state, i);
  }

  dequeue() {
    const t = Atomics.add(this.meta, 1, 1);
    const i = t % this.cap;
    this.waitFor(i, 2 * Math.floor(t / this.cap) + 1);
    const x = Atomics.load(this.slot, i);
    Atomics.sub(this.meta, 2, 1);
    Atomics.add(this.state, i, 1);
    Atomics.notify(this.state, i);
    return x;
  }

  size() {
    return Atomics.load(this.meta, 2);
  }

  waitFor(i: number, want: number) {
    for (;;) {
      const now = Atomics.load(this.state, i);
      if (now === want) return;
      Atomics.wait(this.state, i, now);
    }
  }
}
