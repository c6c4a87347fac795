/** A small WHATWG-style URL: enough for file: URLs (import.meta.url, new URL("./x.js", import.meta.url)) and simple http(s) ones. */
const PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/;

function removeDots(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/").slice(1)) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  const last = path.split("/").pop();
  return "/" + out.join("/") + (last === "." || last === ".." ? (out.length ? "/" : "") : "");
}

function invalid(input: string): TypeError {
  const e = new TypeError("Invalid URL");
  (e as unknown as { code: string; input: string }).code = "ERR_INVALID_URL";
  (e as unknown as { input: string }).input = input;
  return e;
}

export class URL {
  protocol = "";
  host = "";
  pathname = "/";
  search = "";
  hash = "";
  username = "";
  password = "";
  constructor(input: string | URL, base?: string | URL) {
    const s = String(input).trim();
    const m = PARTS.exec(s);
    if (m) {
      this.protocol = m[1].toLowerCase();
      this.host = m[2] ?? "";
      this.pathname = removeDots(m[3] ? (m[3].startsWith("/") ? m[3] : "/" + m[3]) : "/");
      this.search = m[4] && m[4] !== "?" ? m[4] : "";
      this.hash = m[5] && m[5] !== "#" ? m[5] : "";
      return;
    }
    if (base === undefined) throw invalid(s);
    const b = base instanceof URL ? base : new URL(base);
    this.protocol = b.protocol;
    const rel = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(s)!;
    if (s.startsWith("//")) {
      const u = new URL(b.protocol + s);
      Object.assign(this, u);
      return;
    }
    this.host = b.host;
    if (rel[1] === "") {
      this.pathname = b.pathname;
      this.search = rel[2] !== undefined ? (rel[2] === "?" ? "" : rel[2]) : b.search;
    } else {
      const dir = b.pathname.slice(0, b.pathname.lastIndexOf("/") + 1);
      this.pathname = removeDots(rel[1].startsWith("/") ? rel[1] : dir + rel[1]);
      this.search = rel[2] && rel[2] !== "?" ? rel[2] : "";
    }
    this.hash = rel[3] && rel[3] !== "#" ? rel[3] : "";
  }
  get hostname(): string {
    return this.host.replace(/:\d+$/, "");
  }
  get port(): string {
    const m = /:(\d+)$/.exec(this.host);
    return m ? m[1] : "";
  }
  get origin(): string {
    return this.protocol === "file:" ? "null" : `${this.protocol}//${this.host}`;
  }
  get href(): string {
    const auth = this.protocol === "file:" || this.host !== "" || /^(https?|wss?|ftp):$/.test(this.protocol) ? "//" : "";
    return `${this.protocol}${auth}${this.host}${this.pathname}${this.search}${this.hash}`;
  }
  toString(): string {
    return this.href;
  }
  toJSON(): string {
    return this.href;
  }
  static canParse(input: string, base?: string): boolean {
    try {
      new URL(input, base);
      return true;
    } catch {
      return false;
    }
  }
}
