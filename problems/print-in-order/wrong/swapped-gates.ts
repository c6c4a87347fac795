// Two gates, but second and third wait on each other's: third waits for "first done",
// second for "third done". Always prints first, third, second.
export class Foo {
  static BYTES = 8;
  private readonly gates: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.gates = new Int32Array(sab);
  }

  private pass(gate: number): void {
    while (Atomics.load(this.gates, gate) === 0) Atomics.wait(this.gates, gate, 0);
  }

  private open(gate: number): void {
    Atomics.store(this.gates, gate, 1);
    Atomics.notify(this.gates, gate);
  }

  first(print: () => void): void {
    print();
    this.open(0);
  }

  second(print: () => void): void {
    this.pass(1);
    print();
  }

  third(print: () => void): void {
    this.pass(0);
    print();
    this.open(1);
  }
}
