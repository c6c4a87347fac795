// Counts every chunk on the main thread: right counts, no parallel speedup.
function count(chunks: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of chunks) {
    for (const m of text.match(/[A-Za-z]+/g) ?? []) {
      const word = m.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

export async function wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> {
  return Object.fromEntries(count(chunks));
}
