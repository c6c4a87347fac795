/**
 * The control cells a candidate isolate shares with its host thread (one Float64Array per context):
 * what the event loop needs to know without a call into the isolate. Both sides import this.
 */
export const CTL = {
  LOOP_NOW: 0,
  NEXT_EXPIRY: 1,
  REF_TIMERS: 2,
  IMMEDIATES: 3,
  REF_HANDLES: 4,
  LOCAL_PENDING: 5,
  /**
   * Non-zero once the program started work that V8 finishes later by itself, outside any call
   * (FinalizationRegistry callbacks, Atomics.waitAsync, WebAssembly's async compilation): its isolate
   * is then never given to another run (host-bridge.ts, warm isolates).
   */
  DEFERRED: 6,
  SIZE: 8,
} as const;
