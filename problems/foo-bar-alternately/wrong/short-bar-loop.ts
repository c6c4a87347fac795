// Right hand-over, wrong loop bound in bar: bar prints n - 1 times, so the output ends in "foo".
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
      Atomics.notify(this.turn, 0);
    }
  }

  bar(printBar: () => void): void {
    for (let i = 1; i < this.n; i++) {
      while (Atomics.load(this.turn, 0) !== 1) Atomics.wait(this.turn, 0, 0);
      printBar();
      Atomics.store(this.turn, 0, 0);
      Atomics.notify(this.turn, 0);
    }
  }
}
