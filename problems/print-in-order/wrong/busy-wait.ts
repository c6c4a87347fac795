// Right order, wrong way to wait: the waiting threads poll the flag in a loop and burn a CPU core
// for as long as the previous print takes, instead of sleeping in Atomics.wait.
export class Foo {
  static BYTES = 4;
  private readonly state: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.state = new Int32Array(sab);
  }

  first(print: () => void): void {
    print();
    Atomics.store(this.state, 0, 1);
  }

  second(print: () => void): void {
    while (Atomics.load(this.state, 0) < 1) {}
    print();
    Atomics.store(this.state, 0, 2);
  }

  third(print: () => void): void {
    while (Atomics.load(this.state, 0) < 2) {}
    print();
  }
}
