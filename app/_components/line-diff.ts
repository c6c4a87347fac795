// A line diff by longest common subsequence, for comparing two submissions of the same problem. No diff
// package is installed; submissions are small (64 KiB at most), so the quadratic table is affordable once
// the common head and tail are cut off, and a cap keeps a pathological pair from using much memory.

export type DiffLine =
  | { kind: "same"; text: string; a: number; b: number }
  | { kind: "removed"; text: string; a: number }
  | { kind: "added"; text: string; b: number };

/** Beyond this many table cells the middle is shown as all removed then all added: still correct, just coarse. */
export const MAX_CELLS = 16_000_000;

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Every line of a and b once, in order; line numbers are 1-based. */
export function diffLines(aText: string, bText: string): DiffLine[] {
  const a = splitLines(aText);
  const b = splitLines(bText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: "same", text: a[i], a: i + 1, b: i + 1 });
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  out.push(...middle(am, bm, head));
  for (let k = tail; k > 0; k--) out.push({ kind: "same", text: a[a.length - k], a: a.length - k + 1, b: b.length - k + 1 });
  return out;
}

function middle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const out: DiffLine[] = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    a.forEach((text, i) => out.push({ kind: "removed", text, a: offset + i + 1 }));
    b.forEach((text, j) => out.push({ kind: "added", text, b: offset + j + 1 }));
    return out;
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], so the walk below goes forwards.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i], a: offset + i + 1, b: offset + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
      out.push({ kind: "removed", text: a[i], a: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: "added", text: b[j], b: offset + j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: "removed", text: a[i], a: offset + i + 1 });
  for (; j < m; j++) out.push({ kind: "added", text: b[j], b: offset + j + 1 });
  return out;
}

export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.kind === "added") added++;
    else if (l.kind === "removed") removed++;
  }
  return { added, removed };
}
