// Time-slicing with the budget set to the limit itself and checked AFTER each hash: a slice
// stops only once it is already past 50 ms.
const BUDGET_MS = 50;

export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const out: number[] = [];
  let start = performance.now();
  for (const s of inputs) {
    out.push(hash(s));
    if (performance.now() - start > BUDGET_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
  return out;
}
