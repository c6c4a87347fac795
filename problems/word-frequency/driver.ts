import * as h from "grader:harness";

type Solution = { wordFrequency(chunks: string[], workers: number): Promise<Record<string, number>> };
type Generated = { seed: number; chunks: number; chunkChars: number; vocabulary: number };
type Input = { workers: number; measure?: boolean; chunks?: string[]; generate?: Generated };

/** Words a careless counter gets wrong: Object.prototype names, and letters next to digits, "_" and non-ASCII. */
const TRAPS = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "x86_64", "café", "naïve", "don't", "e-mail", "ß", "Ünïcode"];
const SEPARATORS = [" ", " ", " ", " ", ", ", ". ", "\n", "\t", "; ", " - ", "!", "? ", " (", ") ", "'", "\"", " 42 ", "_", "/", " 2024-06-01 ", " € ", "…"];

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Deterministic text: 2,048 phrases of words drawn with a skewed (Zipf-like) distribution, in varied
 * case, with noisy separators; each chunk strings random phrases together (cheap to build).
 */
function generate(g: Generated): string[] {
  const random = generator(g.seed);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const vocabulary: string[] = [...TRAPS];
  while (vocabulary.length < g.vocabulary) {
    let w = "";
    const length = 1 + Math.floor(random() * 9);
    for (let i = 0; i < length; i++) w += letters[Math.floor(random() * 26)];
    vocabulary.push(w);
  }
  const phrases: string[] = [];
  for (let p = 0; p < 2048; p++) {
    let phrase = "";
    const words = 4 + Math.floor(random() * 8);
    for (let k = 0; k < words; k++) {
      let word = vocabulary[Math.floor(vocabulary.length * random() ** 3)];
      const r = random();
      if (r < 0.1) word = word.toUpperCase();
      else if (r < 0.25) word = word[0].toUpperCase() + word.slice(1);
      phrase += word + SEPARATORS[Math.floor(random() * SEPARATORS.length)];
    }
    phrases.push(phrase);
  }
  const chunks: string[] = [];
  for (let c = 0; c < g.chunks; c++) {
    const parts: string[] = [];
    let size = 0;
    while (size < g.chunkChars) {
      const phrase = phrases[Math.floor(random() * phrases.length)];
      parts.push(phrase);
      size += phrase.length;
    }
    chunks.push(parts.join(""));
  }
  return chunks;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** The definition, written as plainly as possible: maximal runs of ASCII letters, lower-cased, per chunk. */
function countWords(chunks: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of chunks) {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const letter = i < text.length && isLetter(text.charCodeAt(i));
      if (letter && start < 0) start = i;
      if (!letter && start >= 0) {
        const word = text.slice(start, i).toLowerCase();
        counts.set(word, (counts.get(word) ?? 0) + 1);
        start = -1;
      }
    }
  }
  return counts;
}

/** Compares the candidate's record with the definition; returns counts of differences and one example. */
function compare(result: unknown, want: Map<string, number>) {
  if (typeof result !== "object" || result === null || Array.isArray(result) || result instanceof Map) {
    return { ok: false, problem: "wordFrequency did not resolve with a plain object (Record<string, number>)" };
  }
  const record = result as Record<string, unknown>;
  const keys = Object.keys(record);
  let wrong = 0;
  let missing = 0;
  let extra = 0;
  let example: { word: string; got: string; want: number } | undefined;
  for (const [word, count] of want) {
    const has = Object.prototype.hasOwnProperty.call(record, word);
    const got = has ? record[word] : undefined;
    if (!has) missing++;
    else if (got !== count) wrong++;
    if (got !== count && !example) example = { word, got: !has ? "no entry" : typeof got === "number" ? String(got) : `a ${typeof got}: ${String(got).slice(0, 40)}`, want: count };
  }
  for (const k of keys) {
    if (!want.has(k)) {
      extra++;
      if (!example) example = { word: k, got: String(record[k]).slice(0, 40), want: 0 };
    }
  }
  return { ok: wrong + missing + extra === 0, distinct: keys.length, expectedDistinct: want.size, wrong, missing, extra, example };
}

/** Speed tests: one unmeasured warm-up call (8 small chunks), then this many (1 worker, `workers`) pairs, in balanced order (1, w, w, 1, ...). */
const REPEATS = 20;

let workersAsked = 0;

async function timedCall(solution: Solution, chunks: string[], workers: number, want: Map<string, number>) {
  workersAsked += workers;
  const started = h.now();
  const result = await solution.wordFrequency(chunks.slice(), workers);
  const ms = h.now() - started;
  return { workers, ms, ...compare(result, want) };
}

/**
 * Speed tests count the same chunks with one worker and with `workers`, alternating, REPEATS times
 * each, after a warm-up call, all in the same runtime; h.now() is virtual (per-thread CPU) time. The
 * checker compares the two sides round by round (graders/checks/kit/speedup.ts).
 */
export async function run(input: Input, solution: Solution) {
  const chunks = input.chunks ?? generate(input.generate!);
  const want = countWords(chunks);
  if (!input.measure) return { runs: [await timedCall(solution, chunks, input.workers, want)], workersAsked };
  await solution.wordFrequency(generate({ seed: 99, chunks: 8, chunkChars: 20_000, vocabulary: 500 }), input.workers);
  workersAsked += input.workers;
  const runs = [];
  for (let r = 0; r < REPEATS; r++) {
    // Balanced order (1, w, w, 1, 1, w, ...): a cost that comes back every other call (a major GC, say)
    // cannot fall on one side only.
    for (const w of r % 2 === 0 ? [1, input.workers] : [input.workers, 1]) {
      const run = await timedCall(solution, chunks, w, want);
      runs.push(run);
      if (!run.ok) return { runs, workersAsked }; // a wrong count decides the test; no need to time it again
    }
  }
  return { runs, workersAsked };
}
