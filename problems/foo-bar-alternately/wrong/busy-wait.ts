// Alternates correctly, but each side polls the turn word in a loop while the other prints,
// burning its CPU instead of sleeping.
export class FooBar {
  static BYTES = 4;
  private readonly turn: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.turn = new Int32Array(sab);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 0);
      printFoo();
      Atomics.store(this.turn, 0, 1);
    }
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 1);
      printBar();
      Atomics.store(this.turn, 0, 0);
    }
  }
}
