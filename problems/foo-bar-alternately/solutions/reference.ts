/**
 * One shared turn word: 0 = foo's turn, 1 = bar's turn (zero-filled memory = foo starts).
 * Each side sleeps until it is its turn, prints, hands the turn over and wakes the other side.
 */
const FOO = 0;
const BAR = 1;

export class FooBar {
  static BYTES = 4;
  private readonly turn: Int32Array;

  constructor(sab: SharedArrayBuffer, private readonly n: number) {
    this.turn = new Int32Array(sab, 0, 1);
  }

  foo(printFoo: () => void): void {
    for (let i = 0; i < this.n; i++) this.step(FOO, BAR, printFoo);
  }

  bar(printBar: () => void): void {
    for (let i = 0; i < this.n; i++) this.step(BAR, FOO, printBar);
  }

  private step(mine: number, next: number, print: () => void): void {
    while (Atomics.load(this.turn, 0) !== mine) Atomics.wait(this.turn, 0, next);
    print();
    Atomics.store(this.turn, 0, next);
    Atomics.notify(this.turn, 0);
  }
}
