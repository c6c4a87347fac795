// The declaration files the editor's TypeScript worker needs, read once per server process from the
// same places the grader reads them: typescript's own lib folder (only CANDIDATE_LIB and the libs it
// references) and graders/runtime/candidate-env.d.ts. Served by app/api/editor-types, never a CDN.
import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CANDIDATE_ENV_PATH, CANDIDATE_LIB } from "./candidate-program";

export interface EditorTypes {
  /** Virtual file path ("/lib.es2023.d.ts", CANDIDATE_ENV_PATH) -> content. */
  files: Record<string, string>;
  /** Content hash: the response's ETag. */
  etag: string;
}

// Like graders/compile.ts, from the checkout: `next start` runs there, and typescript is never bundled.
const LIB_DIR = path.join(process.cwd(), "node_modules", "typescript", "lib");
const CANDIDATE_ENV_FILE = path.join(process.cwd(), "graders", "runtime", "candidate-env.d.ts");

const LIB_REFERENCE = /^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm;

/** CANDIDATE_LIB and every lib it pulls in through `/// <reference lib="..." />`, keyed "/lib.x.d.ts". */
function libClosure(): Record<string, string> {
  const files: Record<string, string> = {};
  const pending = [CANDIDATE_LIB];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (files[`/${name}`] !== undefined) continue;
    const text = readFileSync(path.join(LIB_DIR, name), "utf8");
    files[`/${name}`] = text;
    for (const m of text.matchAll(LIB_REFERENCE)) pending.push(`lib.${m[1].toLowerCase()}.d.ts`);
  }
  return files;
}

let cached: EditorTypes | undefined;

export function editorTypes(): EditorTypes {
  if (!cached) {
    const files = { ...libClosure(), [CANDIDATE_ENV_PATH]: readFileSync(CANDIDATE_ENV_FILE, "utf8") };
    const etag = `"${createHash("sha256").update(JSON.stringify(files)).digest("base64url").slice(0, 27)}"`;
    cached = { files, etag };
  }
  return cached;
}
