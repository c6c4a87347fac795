// Trusts the order in which the threads happen to call: no shared state at all.
export class Foo {
  static BYTES = 0;

  constructor(_sab: SharedArrayBuffer) {}

  first(print: () => void): void {
    print();
  }

  second(print: () => void): void {
    print();
  }

  third(print: () => void): void {
    print();
  }
}
