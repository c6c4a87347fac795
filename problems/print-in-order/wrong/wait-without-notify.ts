// Sleeps correctly but never wakes anyone: the flag is stored, Atomics.notify is never called,
// so a thread already asleep in Atomics.wait stays asleep forever.
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
    while (Atomics.load(this.state, 0) < 1) Atomics.wait(this.state, 0, 0);
    print();
    Atomics.store(this.state, 0, 2);
  }

  third(print: () => void): void {
    for (let s = Atomics.load(this.state, 0); s < 2; s = Atomics.load(this.state, 0)) Atomics.wait(this.state, 0, s);
    print();
  }
}
