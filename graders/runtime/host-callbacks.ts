/**
 * The callbacks the host thread installs in every candidate isolate (as `__h_<name>` globals, plus
 * `__h_clone` and the `__h_xcopy` handle): one list for both sides of the bridge, sandbox/host-bridge.ts and isolate/host.ts.
 */
export const HOST_CALLBACKS = [
  "now", "write", "post", "spawn", "terminate", "wait", "notified", "delay", "mark", "log", "forbidden", "settle", "uncaught",
  "channel", "portClose", "mainDone", "oom", "sab", "sharedId",
] as const;

/** Where an Atomics.wait/notify acts, as both sides of the bridge name it (runtime/isolate/shared-identity.ts). */
export type SharedAddress = [bufferId: number, byteOffset: number];
