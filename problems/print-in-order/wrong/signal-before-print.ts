// Hands the turn to the next thread first and prints afterwards: usually the print still lands
// first, but if this thread is delayed between the notify and the print, the next one prints before it.
export class Foo {
  static BYTES = 4;
  private readonly state: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.state = new Int32Array(sab);
  }

  private advance(to: number): void {
    Atomics.store(this.state, 0, to);
    Atomics.notify(this.state, 0);
  }

  private awaitState(want: number): void {
    for (let s = Atomics.load(this.state, 0); s !== want; s = Atomics.load(this.state, 0)) Atomics.wait(this.state, 0, s);
  }

  first(print: () => void): void {
    this.advance(1);
    print();
  }

  second(print: () => void): void {
    this.awaitState(1);
    this.advance(2);
    print();
  }

  third(print: () => void): void {
    this.awaitState(2);
    print();
  }
}
