// Counts everything on the main thread: right answers, no parallelism.
function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

export async function countPrimes(ranges: Array<[number, number]>, workers: number): Promise<number[]> {
  return ranges.map(([lo, hi]) => {
    let count = 0;
    for (let x = lo; x < hi; x++) if (isPrime(x)) count++;
    return count;
  });
}
