// Sorts on the main thread with the built-in typed-array sort: correct, but not parallel.
export async function parallelSort(data: Int32Array, workers: number): Promise<void> {
  data.sort();
}
