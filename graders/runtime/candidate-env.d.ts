/**
 * The candidate's ambient types: exactly the Node.js subset the sandbox runtime provides
 * (catalogue, "The candidate runtime"). Compiled together with lib.es2022 and nothing else,
 * so using anything outside the subset (process, require, fs, fetch ...) is a compile error
 * instead of a surprise at run time. Shapes follow @types/node where the subset overlaps,
 * so code written for real Node.js against the subset type-checks unchanged.
 *
 * This file is a global script (no top-level import/export): every declaration is ambient.
 * It is checked once with skipLibCheck false in tests/grader/candidate-env.test.ts.
 */

// ---------------------------------------------------------------- console

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  debug(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  trace(...data: any[]): void;
  dir(item?: any, options?: any): void;
  table(tabularData?: any, properties?: readonly string[]): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  group(...label: any[]): void;
  groupCollapsed(...label: any[]): void;
  groupEnd(): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
}
declare var console: Console;

// ---------------------------------------------------------------- timers

/** What setTimeout/setInterval return in Node.js (an object, not a number). */
interface Timeout {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  refresh(): this;
  [Symbol.toPrimitive](): number;
}
interface Immediate {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
}
declare function setTimeout<TArgs extends any[]>(callback: (...args: TArgs) => void, ms?: number, ...args: TArgs): Timeout;
// As in @types/node: `new Promise((resolve) => setTimeout(resolve, 0))` passes resolve, whose parameter is optional.
declare function setTimeout(callback: (_: void) => void, ms?: number): Timeout;
declare function clearTimeout(timeout: Timeout | string | number | undefined | null): void;
declare function setInterval<TArgs extends any[]>(callback: (...args: TArgs) => void, ms?: number, ...args: TArgs): Timeout;
declare function setInterval(callback: (_: void) => void, ms?: number): Timeout;
declare function clearInterval(interval: Timeout | string | number | undefined | null): void;
declare function setImmediate<TArgs extends any[]>(callback: (...args: TArgs) => void, ...args: TArgs): Immediate;
declare function setImmediate(callback: (_: void) => void): Immediate;
declare function clearImmediate(immediate: Immediate | undefined | null): void;
declare function queueMicrotask(callback: () => void): void;

// ---------------------------------------------------------------- structured clone, transfer

type Transferable = ArrayBuffer | import("node:worker_threads").MessagePort;
interface StructuredSerializeOptions {
  transfer?: Transferable[];
}
declare function structuredClone<T = any>(value: T, options?: StructuredSerializeOptions): T;

// ---------------------------------------------------------------- time

interface Performance {
  /** Virtual milliseconds since the program started. */
  now(): number;
  readonly timeOrigin: number;
}
declare var performance: Performance;

// ---------------------------------------------------------------- events, abort

interface Event {
  readonly type: string;
  readonly target: EventTarget | null;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
  stopImmediatePropagation(): void;
}
interface EventListener {
  (evt: Event): void;
}
interface EventListenerObject {
  handleEvent(evt: Event): void;
}
type EventListenerOrEventListenerObject = EventListener | EventListenerObject;
interface AddEventListenerOptions {
  once?: boolean;
  signal?: AbortSignal;
  capture?: boolean;
  passive?: boolean;
}
interface EventTarget {
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: { capture?: boolean } | boolean): void;
  dispatchEvent(event: Event): boolean;
}

interface AbortSignal extends EventTarget {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((this: AbortSignal, ev: Event) => any) | null;
  throwIfAborted(): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare var AbortController: {
  prototype: AbortController;
  new (): AbortController;
};

// ---------------------------------------------------------------- text

interface TextEncoderEncodeIntoResult {
  read: number;
  written: number;
}
interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(src: string, dest: Uint8Array): TextEncoderEncodeIntoResult;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView | SharedArrayBuffer, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

// ---------------------------------------------------------------- modules: URL and import.meta

/** Enough of URL for `new Worker(new URL(import.meta.url))`. */
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  toString(): string;
  toJSON(): string;
}
declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
};

interface ImportMeta {
  /** file:// URL of the current module, usable with `new Worker(new URL(import.meta.url))`. */
  readonly url: string;
}

// ---------------------------------------------------------------- node:events

declare module "node:events" {
  type Listener = (...args: any[]) => void;
  export class EventEmitter {
    constructor();
    static defaultMaxListeners: number;
    on(eventName: string | symbol, listener: Listener): this;
    addListener(eventName: string | symbol, listener: Listener): this;
    prependListener(eventName: string | symbol, listener: Listener): this;
    once(eventName: string | symbol, listener: Listener): this;
    prependOnceListener(eventName: string | symbol, listener: Listener): this;
    off(eventName: string | symbol, listener: Listener): this;
    removeListener(eventName: string | symbol, listener: Listener): this;
    removeAllListeners(eventName?: string | symbol): this;
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listenerCount(eventName: string | symbol): number;
    listeners(eventName: string | symbol): Function[];
    rawListeners(eventName: string | symbol): Function[];
    eventNames(): Array<string | symbol>;
    setMaxListeners(n: number): this;
    getMaxListeners(): number;
  }
  export function once(emitter: EventEmitter | EventTarget, eventName: string | symbol, options?: { signal?: AbortSignal }): Promise<any[]>;
  export default EventEmitter;
}
declare module "events" {
  export * from "node:events";
  import { EventEmitter } from "node:events";
  export default EventEmitter;
}

// ---------------------------------------------------------------- node:worker_threads

declare module "node:worker_threads" {
  import { EventEmitter } from "node:events";

  export interface WorkerOptions {
    /** true: the first argument is JavaScript source, not a file URL. */
    eval?: boolean;
    workerData?: any;
    transferList?: Transferable[];
    name?: string;
  }
  export class MessagePort extends EventEmitter {
    postMessage(value: any, transferList?: readonly Transferable[]): void;
    start(): void;
    close(): void;
    ref(): void;
    unref(): void;
    on(event: "message", listener: (value: any) => void): this;
    on(event: "messageerror", listener: (error: Error) => void): this;
    on(event: "close", listener: () => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: "message", listener: (value: any) => void): this;
    once(event: "close", listener: () => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }
  export class MessageChannel {
    readonly port1: MessagePort;
    readonly port2: MessagePort;
  }
  export class Worker extends EventEmitter {
    constructor(filename: string | URL, options?: WorkerOptions);
    readonly threadId: number;
    postMessage(value: any, transferList?: readonly Transferable[]): void;
    terminate(): Promise<number>;
    ref(): void;
    unref(): void;
    on(event: "message", listener: (value: any) => void): this;
    on(event: "error", listener: (err: Error) => void): this;
    on(event: "exit", listener: (exitCode: number) => void): this;
    on(event: "online", listener: () => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: "message", listener: (value: any) => void): this;
    once(event: "error", listener: (err: Error) => void): this;
    once(event: "exit", listener: (exitCode: number) => void): this;
    once(event: "online", listener: () => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }
  export const isMainThread: boolean;
  export const parentPort: MessagePort | null;
  export const workerData: any;
  export const threadId: number;
}
declare module "worker_threads" {
  export * from "node:worker_threads";
}

// ---------------------------------------------------------------- node:timers/promises

declare module "node:timers/promises" {
  interface TimerOptions {
    signal?: AbortSignal;
    ref?: boolean;
  }
  export function setTimeout<T = void>(delay?: number, value?: T, options?: TimerOptions): Promise<T>;
  export function setImmediate<T = void>(value?: T, options?: TimerOptions): Promise<T>;
  export function setInterval<T = void>(delay?: number, value?: T, options?: TimerOptions): AsyncIterableIterator<T>;
}
declare module "timers/promises" {
  export * from "node:timers/promises";
}

// ---------------------------------------------------------------- node:os

declare module "node:os" {
  export interface CpuInfo {
    model: string;
    speed: number;
    times: { user: number; nice: number; sys: number; idle: number; irq: number };
  }
  export function cpus(): CpuInfo[];
  export function availableParallelism(): number;
  const os: { cpus: typeof cpus; availableParallelism: typeof availableParallelism };
  export default os;
}
declare module "os" {
  export * from "node:os";
  import os from "node:os";
  export default os;
}

// ---------------------------------------------------------------- node:perf_hooks

declare module "node:perf_hooks" {
  export const performance: Performance;
}
declare module "perf_hooks" {
  export * from "node:perf_hooks";
}
