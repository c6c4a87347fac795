/**
 * Locks the built-ins a problem's driver relies on before a graded thread runs any module, the way
 * `node --frozen-intrinsics` and SES's lockdown() do. The driver shares the candidate's realm, so a
 * solution that rewrote JSON.stringify, Object.is, Array.prototype.map, array iteration or
 * Promise.prototype.then could otherwise change what the driver observes and fake a pass; locked, the
 * rewrite throws a TypeError in the candidate's own code (a runtime_error that names the property).
 *
 * Left writable on purpose, so that ordinary code keeps working (assigning a property that a frozen
 * prototype has throws, SES's "override mistake": `this.name = ...` in an Error subclass, `x.toString = ...`):
 * Error and its prototypes, and the existing properties of Object.prototype and Function.prototype.
 * Object.prototype only stops taking new properties, so nothing (a `then` getter) can be made inherited
 * by every object. `npm run sandbox` (program mode) does not lock: there the runtime is Node's, as is.
 */
const g = globalThis as unknown as Record<string, unknown>;

const NAMESPACES = ["JSON", "Math", "Reflect", "Atomics"];
const CONSTRUCTORS = [
  "Object", "Array", "Promise", "Map", "Set", "WeakMap", "WeakSet", "Number", "String", "Boolean", "Symbol", "BigInt", "Date",
  "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
  "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
];

function iteratorPrototypes(): object[] {
  const proto = Object.getPrototypeOf;
  const arrayIterator = proto([][Symbol.iterator]());
  const generator = proto(proto((function* () {})()));
  const asyncGenerator = proto(proto((async function* () {})()));
  return [
    proto(arrayIterator), arrayIterator, proto(new Map().entries()), proto(new Set().values()), proto(""[Symbol.iterator]()),
    proto("".matchAll(/x/g)), generator, asyncGenerator, proto(asyncGenerator),
  ];
}

export function lockIntrinsics(): void {
  const freeze = Object.freeze;
  for (const name of [...NAMESPACES, ...CONSTRUCTORS]) {
    const value = g[name] as { prototype?: object } | undefined;
    if (!value) continue;
    freeze(value);
    if (typeof value === "function" && value.prototype && name !== "Object") freeze(value.prototype);
    Object.defineProperty(g, name, { writable: false, configurable: false });
  }
  const typedArray = Object.getPrototypeOf(Int8Array) as { prototype: object };
  freeze(typedArray);
  freeze(typedArray.prototype);
  for (const p of iteratorPrototypes()) freeze(p);
  const fp = Function.prototype as unknown as Record<string, unknown>;
  for (const key of ["call", "apply", "bind"]) Object.defineProperty(fp, key, { writable: false, configurable: false });
  Object.preventExtensions(Object.prototype);
}
