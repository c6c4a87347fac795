// Multiplies on the main thread: bit-identical, but nothing runs in parallel.
export async function matmul(a: Float64Array, b: Float64Array, n: number, workers: number): Promise<Float64Array> {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
  return c;
}
