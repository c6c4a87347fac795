/**
 * console.table as Node 20 prints it: the rows and columns console.table picks (Node's
 * lib/internal/console/constructor.js) drawn with the box characters of lib/internal/cli_table.js,
 * cells left-aligned and padded to the widest cell of their column.
 */
import { inspect, inspectLib } from "./inspect-lib";

/** The library's getStringWidth: the width Node pads by. */
const getStringWidth = (text: string) => inspectLib().getStringWidth(text);

const INDEX = "(index)";
const ITERATION_INDEX = "(iteration index)";
const KEY = "Key";
const VALUES = "Values";

// Captured before candidate code runs: a program that rewrites them still gets Node's table.
const mapHas = Map.prototype.has;
const mapEntries = Map.prototype.entries;
const setHas = Set.prototype.has;
const setValues = Set.prototype.values;
const hasOwn = Object.prototype.hasOwnProperty;

/** Brand checks, as Node's util.types: a Map-like object that is not a Map is tabulated by its properties. */
function isMap(v: object): v is Map<unknown, unknown> {
  try {
    mapHas.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

function isSet(v: object): v is Set<unknown> {
  try {
    setHas.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

function isArrayLike(v: unknown): boolean {
  return Array.isArray(v) || ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/** One cell: objects with more than two keys collapse to [Object], arrays show three items, all on one line. */
function cell(v: unknown): string {
  const depth = v !== null && typeof v === "object" && !isArrayLike(v) && Object.keys(v).length > 2 ? -1 : 0;
  return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, colors: false });
}

function renderRow(row: string[], widths: number[]): string {
  const cells = row.map((c, i) => c + " ".repeat(widths[i] - getStringWidth(c)));
  return `│ ${cells.join(" │ ")} │`;
}

/** cli_table: a header row, then one row per index; a column shorter than the longest leaves its cells empty. */
export function renderTable(head: string[], columns: string[][]): string {
  const widths = head.map((h) => getStringWidth(h));
  const rowCount = columns.reduce((n, c) => Math.max(n, c.length), 0);
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < rowCount; j++) {
      const value = hasOwn.call(columns[i], j) ? columns[i][j] : "";
      rows[j][i] = value;
      widths[i] = Math.max(widths[i], getStringWidth(value));
    }
  }
  const divider = widths.map((w) => "─".repeat(w + 2));
  const lines = [`┌${divider.join("┬")}┐`, renderRow(head, widths), `├${divider.join("┼")}┤`];
  for (const row of rows) lines.push(renderRow(row, widths));
  lines.push(`└${divider.join("┴")}┘`);
  return lines.join("\n");
}

const indexColumn = (length: number) => Array.from({ length }, (_, i) => cell(i));

function keyValueTable(pairs: Iterable<[unknown, unknown]>): string {
  const keys: string[] = [];
  const values: string[] = [];
  for (const [k, v] of pairs) {
    keys.push(cell(k));
    values.push(cell(v));
  }
  return renderTable([ITERATION_INDEX, KEY, VALUES], [indexColumn(keys.length), keys, values]);
}

function valuesTable(items: Iterable<unknown>): string {
  const values = Array.from(items, cell);
  return renderTable([ITERATION_INDEX, VALUES], [indexColumn(values.length), values]);
}

/** Rows are the data's own enumerable keys; columns the union of the rows' keys (or `properties`), then Values for primitives. */
function propertiesTable(data: object, properties: PropertyKey[] | undefined): string {
  // Null prototype: a column named "toString" or "__proto__" must not reach Object.prototype.
  const columns = Object.create(null) as Record<PropertyKey, string[]>;
  const rowKeys = Object.keys(data);
  const primitiveValues: string[] = [];
  let hasPrimitives = false;
  rowKeys.forEach((rowKey, i) => {
    const item = (data as Record<string, unknown>)[rowKey];
    const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = cell(item);
      return;
    }
    for (const key of properties ?? Object.keys(item as object)) {
      const column = (columns[key] ??= []);
      const own = !primitive && hasOwn.call(item, key);
      column[i] = own ? cell((item as Record<PropertyKey, unknown>)[key]) : "";
    }
  });
  const head = [INDEX, ...Object.keys(columns)];
  const body = [rowKeys, ...Object.values(columns)];
  if (hasPrimitives) {
    head.push(VALUES);
    body.push(primitiveValues);
  }
  return renderTable(head, body);
}

/**
 * The text console.table logs, or undefined when the data is not tabular (Node logs it as console.log would).
 * Throws Node's TypeError when `properties` is given but is not an array.
 */
export function formatTable(data: unknown, properties?: unknown): string | undefined {
  if (properties !== undefined && !Array.isArray(properties)) {
    const err = new TypeError(`The "properties" argument must be an instance of Array. Received ${describeReceived(properties)}`);
    (err as TypeError & { code: string }).code = "ERR_INVALID_ARG_TYPE";
    throw err;
  }
  if (data === null || typeof data !== "object") return undefined;
  // Map and Set iterators are not here: Node tabulates what they have left, which only V8 can see
  // without consuming them; they fall through to the property table, as any object would.
  if (isMap(data)) return keyValueTable(mapEntries.call(data) as Iterable<[unknown, unknown]>);
  if (isSet(data)) return valuesTable(setValues.call(data) as Iterable<unknown>);
  return propertiesTable(data, properties as PropertyKey[] | undefined);
}

/** The "Received ..." part of Node's ERR_INVALID_ARG_TYPE message. */
function describeReceived(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "function") return `function ${(v as { name: string }).name}`;
  if (typeof v === "object") {
    const ctor = (v as { constructor?: { name?: string } }).constructor;
    return ctor?.name ? `an instance of ${ctor.name}` : inspect(v, { depth: -1 });
  }
  if (typeof v === "string") {
    const s = v.length > 28 ? `${v.slice(0, 25)}...` : v;
    return `type string (${s.includes("'") ? JSON.stringify(s) : `'${s}'`})`;
  }
  return `type ${typeof v} (${inspect(v)})`;
}
