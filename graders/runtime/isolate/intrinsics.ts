/**
 * Originals captured before any candidate code runs: the runtime and the harness keep working
 * even when a candidate rewrites Promise, Reflect, Atomics or a prototype method.
 */
export const O = {
  Promise,
  promiseThen: Promise.prototype.then,
  promiseResolve: Promise.resolve.bind(Promise),
  reflectApply: Reflect.apply,
  defineProperty: Object.defineProperty,
  freeze: Object.freeze,
  Error,
  TypeError,
  RangeError,
  Map,
  Set,
  WeakMap,
  ArrayIsArray: Array.isArray,
  MathMax: Math.max,
  MathMin: Math.min,
  MathFloor: Math.floor,
  JSONStringify: JSON.stringify,
};

/** Promise.prototype.then with the captured original, whatever the candidate did to it. */
export function then<T>(p: Promise<T>, ok: (v: T) => unknown, err: (e: unknown) => unknown): void {
  O.reflectApply(O.promiseThen, p, [ok, err]);
}
