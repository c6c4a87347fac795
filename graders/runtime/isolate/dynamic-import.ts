/**
 * `import()` in an eval worker. Node runs `new Worker(code, { eval: true })` as a CommonJS script in
 * which `import("node:worker_threads")` works. The sandbox runs that code as a Function body, and V8
 * answers a dynamic import there through a host hook that isolated-vm does not provide: the call
 * rejects. So the source is rewritten first: each `import(` that is code (not inside a string, a
 * template's text, a comment or a regular expression) becomes `__import(`, a parameter of that
 * Function which loads the same built-in modules `require` does.
 */

const IDENT = /[\w$]/;
/** Keywords after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

/** The rewritten source; sources that never mention `import(` come back untouched. */
export function rewriteDynamicImports(source: string): string {
  if (!/\bimport\s*\(/.test(source)) return source;
  let out = "";
  let i = 0;
  let last = ""; // the last significant token: a punctuator character or a whole word
  const templates: number[] = []; // brace depth at which each open `${` returns to its template
  let depth = 0;
  const copyUntil = (end: number) => {
    out += source.slice(i, end);
    i = end;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") copyUntil(lineEnd(source, i));
    else if (c === "/" && next === "*") copyUntil(source.indexOf("*/", i + 2) < 0 ? source.length : source.indexOf("*/", i + 2) + 2);
    else if (c === "'" || c === '"') {
      copyUntil(stringEnd(source, i, c));
      last = "string";
    } else if (c === "`" || (c === "}" && templates.length > 0 && templates[templates.length - 1] === depth)) {
      if (c === "}") templates.pop();
      const end = templateChunkEnd(source, i + 1);
      if (source.startsWith("${", end - 2)) templates.push(depth);
      copyUntil(end);
      last = "string";
    } else if (c === "/" && regexAllowed(last)) {
      copyUntil(regexEnd(source, i));
      last = "regex";
    } else if (IDENT.test(c)) {
      let end = i;
      while (end < source.length && IDENT.test(source[end])) end++;
      const word = source.slice(i, end);
      const dynamicImport = word === "import" && last !== "." && /^\s*\(/.test(source.slice(end, end + 64));
      out += dynamicImport ? "__import" : word;
      i = end;
      last = word;
    } else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      out += c;
      i++;
      if (!/\s/.test(c)) last = c;
    }
  }
  return out;
}

function lineEnd(s: string, from: number): number {
  const n = s.indexOf("\n", from);
  return n < 0 ? s.length : n;
}

function stringEnd(s: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < s.length && s[i] !== quote && s[i] !== "\n") i += s[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, s.length);
}

/** From inside a template's text: the index after its closing backtick or after the next `${`. */
function templateChunkEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    if (s[i] === "\\") i += 2;
    else if (s[i] === "`") return i + 1;
    else if (s[i] === "$" && s[i + 1] === "{") return i + 2;
    else i++;
  }
  return s.length;
}

function regexAllowed(last: string): boolean {
  if (last === "" || BEFORE_REGEX.has(last)) return true;
  if (last === ")" || last === "]" || last === "}" || last === "string" || last === "regex") return false;
  return !IDENT.test(last[0]);
}

function regexEnd(s: string, from: number): number {
  let i = from + 1;
  let inClass = false;
  while (i < s.length && s[i] !== "\n") {
    if (s[i] === "\\") i += 2;
    else {
      if (s[i] === "[") inClass = true;
      else if (s[i] === "]") inClass = false;
      else if (s[i] === "/" && !inClass) break;
      i++;
    }
  }
  i++;
  while (i < s.length && IDENT.test(s[i])) i++; // flags
  return Math.min(i, s.length);
}
