// Written from the statement alone: a shared count of prints made so far. Even count = foo's
// turn, odd = bar's. Each side waits (Atomics.wait on the count's current value) until the
// parity is its own, prints, then bumps the count and wakes whoever sleeps on it.
export class FooBar {
  static BYTES = 8;
  count: Int32Array;
  n: number;

  constructor(sab: SharedArrayBuffer, n: number) {
    this.count = new Int32Array(sab, 4, 1);
    this.n = n;
  }

  foo(printFoo: () => void) {
    for (let round = 0; round < this.n; round++) this.take(2 * round, printFoo);
  }

  bar(printBar: () => void) {
    for (let round = 0; round < this.n; round++) this.take(2 * round + 1, printBar);
  }

  take(ticket: number, print: () => void) {
    let c = Atomics.load(this.count, 0);
    while (c !== ticket) {
      Atomics.wait(this.count, 0, c);
      c = Atomics.load(this.count, 0);
    }
    print();
    Atomics.add(this.count, 0, 1);
    Atomics.notify(this.count, 0);
  }
}
