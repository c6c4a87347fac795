// Hands the turn over first and prints afterwards. Usually the print still wins, but when this
// thread is delayed between the notify and its print, the other thread's print comes first.
export class FooBar {
  static BYTES = 4;
  private readonly turn: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.turn = new Int32Array(sab);
  }

  private handOver(to: number): void {
    Atomics.store(this.turn, 0, to);
    Atomics.notify(this.turn, 0);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 0) Atomics.wait(this.turn, 0, 1);
      this.handOver(1);
      printFoo();
    }
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 1) Atomics.wait(this.turn, 0, 0);
      this.handOver(0);
      printBar();
    }
  }
}
