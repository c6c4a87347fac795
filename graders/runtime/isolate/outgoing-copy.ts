/**
 * A message's structured clone, made here in the sender's isolate and handed to the host as an
 * ExternalCopy. Node serializes a message in the sender and deserializes it in the receiver. Copied
 * as a callback argument instead, the whole value was built again in the host thread's heap while
 * the sender's clock ran (about 10 ms a megabyte of text, and worse when that heap collected), a
 * cost no Node program pays and one that made correct parallel solutions read as serial. The host
 * unpacks the copy outside the sender's time (host-bridge.ts, unpackOutgoing).
 */
import { ExternalCopy } from "./host";

/** Call `hand` with `value` packed; primitives go as they are (a copy of those costs nothing). */
export function handOutgoing<T>(value: unknown, hand: (packed: unknown) => T): T {
  if (!ExternalCopy || value === null || (typeof value !== "object" && typeof value !== "function")) return hand(value);
  // A value that cannot be cloned throws here, the same TypeError the callback's copy threw.
  const copy = new ExternalCopy(value, { transferOut: false });
  try {
    return hand(copy);
  } finally {
    // The copy's buffers came from this isolate's allocator: freed now, while it runs, never later
    // from another heap (see buffer-transfer.ts). The host released its reference already.
    copy.release();
  }
}
