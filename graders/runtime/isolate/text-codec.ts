/** TextEncoder / TextDecoder (UTF-8), as in Node. */
export class TextEncoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    const s = String(input);
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
  encodeInto(input: string, dest: Uint8Array): { read: number; written: number } {
    const bytes = this.encode(input);
    const n = Math.min(bytes.length, dest.length);
    let cut = n;
    while (cut > 0 && cut < bytes.length && (bytes[cut] & 0xc0) === 0x80) cut--;
    dest.set(bytes.subarray(0, cut));
    const read = new TextDecoder().decode(bytes.subarray(0, cut)).length;
    return { read, written: cut };
  }
}

export class TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  private pending: number[] = [];
  constructor(label = "utf-8", options?: { fatal?: boolean; ignoreBOM?: boolean }) {
    const l = String(label).toLowerCase().trim();
    if (l !== "utf-8" && l !== "utf8" && l !== "unicode-1-1-utf-8") {
      const e = new RangeError(`The "${label}" encoding is not supported`);
      (e as unknown as { code: string }).code = "ERR_ENCODING_NOT_SUPPORTED";
      throw e;
    }
    this.encoding = "utf-8";
    this.fatal = !!options?.fatal;
    this.ignoreBOM = !!options?.ignoreBOM;
  }
  decode(input?: ArrayBuffer | ArrayBufferView | SharedArrayBuffer, options?: { stream?: boolean }): string {
    let bytes: Uint8Array;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else bytes = new Uint8Array(input as ArrayBuffer);
    const all = this.pending.length ? Uint8Array.from([...this.pending, ...bytes]) : bytes;
    this.pending = [];
    let out = "";
    let i = 0;
    const bad = () => {
      if (this.fatal) {
        const e = new TypeError("The encoded data was not valid for encoding utf-8");
        (e as unknown as { code: string }).code = "ERR_ENCODING_INVALID_ENCODED_DATA";
        throw e;
      }
      out += "\ufffd";
    };
    while (i < all.length) {
      const b = all[i];
      let need = 0;
      let cp = 0;
      if (b < 0x80) {
        out += String.fromCharCode(b);
        i++;
        continue;
      } else if (b >= 0xc2 && b <= 0xdf) [need, cp] = [1, b & 0x1f];
      else if (b >= 0xe0 && b <= 0xef) [need, cp] = [2, b & 0x0f];
      else if (b >= 0xf0 && b <= 0xf4) [need, cp] = [3, b & 0x07];
      else {
        bad();
        i++;
        continue;
      }
      if (i + need >= all.length + 0 && i + need > all.length - 1 && options?.stream && i + need >= all.length) {
        this.pending = [...all.subarray(i)];
        break;
      }
      let ok = true;
      let j = 1;
      for (; j <= need; j++) {
        const c = all[i + j];
        if (c === undefined || (c & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 63);
      }
      if (!ok || (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
        bad();
        i += ok ? need + 1 : j;
        continue;
      }
      out += String.fromCodePoint(cp);
      i += need + 1;
    }
    if (!this.ignoreBOM && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    return out;
  }
}
