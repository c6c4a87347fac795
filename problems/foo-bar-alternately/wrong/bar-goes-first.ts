// The turn word's meaning is flipped: zero-filled memory means "bar's turn", so every round
// prints "barfoo" instead of "foobar".
export class FooBar {
  static BYTES = 4;
  private readonly barDone: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.barDone = new Int32Array(sab);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.barDone, 0) === 0) Atomics.wait(this.barDone, 0, 0);
      printFoo();
      Atomics.store(this.barDone, 0, 0);
      Atomics.notify(this.barDone, 0);
    }
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.barDone, 0) === 1) Atomics.wait(this.barDone, 0, 1);
      printBar();
      Atomics.store(this.barDone, 0, 1);
      Atomics.notify(this.barDone, 0);
    }
  }
}
