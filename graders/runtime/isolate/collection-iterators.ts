/**
 * What Node's util.inspect shows of a Map or Set iterator: the entries it has left, and whether they
 * come as key/value pairs ("[Map Entries] { [ 'a', 1 ] }") or single values ("[Set Iterator] { 1 }").
 * Node reads both from V8's internal previewEntries, which no script can call. Here:
 *
 * - The kind is recorded when an iterator is made, only for the calls that are not a loop's default:
 *   Map.prototype.keys/values (a Map's own iterator is its entries) and Set.prototype.entries (a Set's
 *   is its values). `for (const [k, v] of map)` and `for (const x of set)` stay V8's untouched builtins.
 * - The entries left are read by running the iterator out with the original `next`; the iterator then
 *   replays them through an own `next` before reporting done, so the program sees the same sequence.
 *   Only an iterator that was printed gets that own property. (Unlike V8's live iterator, it then no
 *   longer sees entries added to the collection after it was printed.)
 */
const MapProto = Map.prototype;
const SetProto = Set.prototype;
const mapIteratorNext = Object.getPrototypeOf(new Map().entries()).next as (this: Iterator<unknown>) => IteratorResult<unknown>;
const setIteratorNext = Object.getPrototypeOf(new Set().values()).next as (this: Iterator<unknown>) => IteratorResult<unknown>;
const toTag = Object.prototype.toString;
const apply = Reflect.apply;

/** Iterators whose kind is not their collection's default (Map: not pairs; Set: pairs). */
const notDefaultKind = new WeakSet<object>();
/** Printed iterators: the values they still have to give, and how many they gave. */
const replays = new WeakMap<object, { items: unknown[]; at: number }>();

function tagged<F extends (...a: never[]) => unknown>(original: F): F {
  const wrapped = {
    [original.name](this: unknown) {
      const it = apply(original, this, []) as object;
      notDefaultKind.add(it);
      return it;
    },
  }[original.name];
  return wrapped as unknown as F;
}

let installed = false;

/** Record the iterator kinds (once per isolate, before any candidate code runs). */
export function installIteratorKinds(): void {
  if (installed) return;
  installed = true;
  const keys = tagged(MapProto.keys);
  const values = tagged(MapProto.values);
  const entries = tagged(SetProto.entries);
  Object.defineProperty(MapProto, "keys", { value: keys, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(MapProto, "values", { value: values, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(SetProto, "entries", { value: entries, writable: true, configurable: true, enumerable: false });
}

function kindOf(it: object): "map" | "set" | null {
  const tag = apply(toTag, it, []) as string;
  if (tag === "[object Map Iterator]") return "map";
  if (tag === "[object Set Iterator]") return "set";
  return null;
}

function replayOf(it: object, next: (this: Iterator<unknown>) => IteratorResult<unknown>): { items: unknown[]; at: number } {
  const known = replays.get(it);
  if (known) return known;
  const items: unknown[] = [];
  for (let step = apply(next, it, []) as IteratorResult<unknown>; !step.done; step = apply(next, it, []) as IteratorResult<unknown>) items[items.length] = step.value;
  const state = { items, at: 0 };
  replays.set(it, state);
  const replay = {
    next() {
      if (state.at < state.items.length) return { value: state.items[state.at++], done: false };
      return apply(next, it, []);
    },
  };
  Object.defineProperty(it, "next", { value: replay.next, writable: true, configurable: true, enumerable: false });
  return state;
}

/** Node's internal previewEntries(value, isIterator): [entries, isKeyValue]; pairs come flattened. */
export function previewEntries(value: unknown, isIterator?: boolean): [unknown[], boolean] {
  if (!isIterator || value === null || typeof value !== "object") return [[], false];
  const kind = kindOf(value);
  if (kind === null) return [[], false];
  const { items, at } = replayOf(value, kind === "map" ? mapIteratorNext : setIteratorNext);
  // Index loops, not push/slice/for-of: a program may have rewritten Array.prototype (util.inspect
  // itself only uses the built-ins it captured when it loaded).
  const pairs = kind === "map" ? !notDefaultKind.has(value) : notDefaultKind.has(value);
  const out: unknown[] = [];
  for (let i = at; i < items.length; i++) {
    if (!pairs) out[out.length] = items[i];
    else {
      out[out.length] = (items[i] as unknown[])[0];
      out[out.length] = (items[i] as unknown[])[1];
    }
  }
  return [out, pairs];
}
