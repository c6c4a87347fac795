export class BoundedBlockingQueue {
  /** Bytes of shared memory a queue of this capacity needs; the grader allocates them zero-filled. */
  static bytes(capacity: number): number {
    return 0;
  }

  constructor(sab: SharedArrayBuffer, capacity: number) {}

  enqueue(x: number): void {
    throw new Error("not implemented");
  }

  dequeue(): number {
    throw new Error("not implemented");
  }

  size(): number {
    return 0;
  }
}
