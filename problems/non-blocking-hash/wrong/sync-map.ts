// Returns a promise, so it looks async, but all the hashing happens in one synchronous map.
export function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  return Promise.resolve(inputs.map((s) => hash(s)));
}
