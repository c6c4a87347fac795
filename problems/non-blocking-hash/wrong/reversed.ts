// Non-blocking (one hash per macrotask), but it walks a work list with pop(), so the hashes come
// out last input first.
export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const todo = [...inputs];
  const out: number[] = [];
  while (todo.length > 0) {
    out.push(hash(todo.pop()!));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
