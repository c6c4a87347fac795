// Chunks of 5 with a loop condition that is one chunk short: the last chunk is never hashed.
const CHUNK = 5;

export async function hashAll(inputs: string[], hash: (s: string) => number): Promise<number[]> {
  const out: number[] = [];
  for (let start = 0; start + CHUNK < inputs.length; start += CHUNK) {
    for (let i = start; i < start + CHUNK; i++) out.push(hash(inputs[i]));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
