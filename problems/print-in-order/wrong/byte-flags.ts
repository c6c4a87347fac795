// One byte per flag to save memory: but Atomics.wait only works on an Int32Array (or
// BigInt64Array), so the first thread that has to wait throws a TypeError.
export class Foo {
  static BYTES = 2;
  private readonly done: Uint8Array;

  constructor(sab: SharedArrayBuffer) {
    this.done = new Uint8Array(sab);
  }

  first(print: () => void): void {
    print();
    Atomics.store(this.done, 0, 1);
    Atomics.notify(this.done as unknown as Int32Array, 0);
  }

  second(print: () => void): void {
    while (Atomics.load(this.done, 0) === 0) Atomics.wait(this.done as unknown as Int32Array, 0, 0);
    print();
    Atomics.store(this.done, 1, 1);
    Atomics.notify(this.done as unknown as Int32Array, 1);
  }

  third(print: () => void): void {
    while (Atomics.load(this.done, 1) === 0) Atomics.wait(this.done as unknown as Int32Array, 1, 0);
    print();
  }
}
