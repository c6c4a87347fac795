/**
 * One shared stage counter: 0 = nothing printed, 1 = first printed, 2 = second printed.
 * A method waits (asleep, in Atomics.wait) until the stage reaches its turn, prints,
 * advances the stage and wakes every sleeper so the next one can check again.
 */
export class Foo {
  static BYTES = 4;
  private readonly stage: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.stage = new Int32Array(sab, 0, 1);
  }

  first(print: () => void): void {
    this.run(0, print);
  }

  second(print: () => void): void {
    this.run(1, print);
  }

  third(print: () => void): void {
    this.run(2, print);
  }

  private run(turn: number, print: () => void): void {
    for (let s = Atomics.load(this.stage, 0); s !== turn; s = Atomics.load(this.stage, 0)) {
      Atomics.wait(this.stage, 0, s);
    }
    print();
    Atomics.store(this.stage, 0, turn + 1);
    Atomics.notify(this.stage, 0);
  }
}
