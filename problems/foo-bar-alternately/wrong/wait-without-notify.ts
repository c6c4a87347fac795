// Sleeps in Atomics.wait but hands the turn over with a plain store: the other thread, already
// asleep, is never woken.
export class FooBar {
  static BYTES = 4;
  private readonly turn: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.turn = new Int32Array(sab);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 0) Atomics.wait(this.turn, 0, 1);
      printFoo();
      Atomics.store(this.turn, 0, 1);
    }
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 1) Atomics.wait(this.turn, 0, 0);
      printBar();
      Atomics.store(this.turn, 0, 0);
    }
  }
}
