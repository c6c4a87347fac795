// Two one-shot "gates" in separate slots: second waits on gate A, third on gate B.
// A gate is opened (set to 1) only after the print it stands for has happened.
const GATE_FIRST_DONE = 0;
const GATE_SECOND_DONE = 1;

export class Foo {
  static BYTES = 8;
  gates: Int32Array;

  constructor(sab: SharedArrayBuffer) {
    this.gates = new Int32Array(sab);
  }

  private pass(gate: number) {
    while (Atomics.load(this.gates, gate) === 0) {
      Atomics.wait(this.gates, gate, 0);
    }
  }

  private open(gate: number) {
    Atomics.store(this.gates, gate, 1);
    Atomics.notify(this.gates, gate, Infinity);
  }

  first(print: () => void) {
    print();
    this.open(GATE_FIRST_DONE);
  }

  second(print: () => void) {
    this.pass(GATE_FIRST_DONE);
    print();
    this.open(GATE_SECOND_DONE);
  }

  third(print: () => void) {
    this.pass(GATE_SECOND_DONE);
    print();
  }
}
