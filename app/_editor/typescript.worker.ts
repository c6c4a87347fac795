// The TypeScript language service behind the code editor, in a Web Worker so typing never waits for it.
// Its program is the grader's (candidate-program.ts) built from /api/editor-types; each editor on the page
// owns one file, solutionPath(editorId). Diagnostics, completions and quick info are computed here and
// cross to the page as plain data (Comlink).
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from "@typescript/vfs";
import { createWorker } from "@valtown/codemirror-ts/worker";
import * as Comlink from "comlink";
import ts from "typescript";
import { candidateDiagnostics } from "./candidate-diagnostics";
import { CANDIDATE_ENV_PATH, candidateCompilerOptions } from "./candidate-program";
import { completionsAt } from "./typescript-completions";

async function createEnvironment(): Promise<VirtualTypeScriptEnvironment> {
  const response = await fetch("/api/editor-types", { credentials: "same-origin" });
  if (!response.ok) throw new Error(`editor types: HTTP ${response.status}`);
  const { files } = (await response.json()) as { files: Record<string, string> };
  const system = createSystem(new Map(Object.entries(files)));
  return createVirtualTypeScriptEnvironment(system, [CANDIDATE_ENV_PATH], ts, candidateCompilerOptions(ts));
}

const base = createWorker(createEnvironment);

const api = {
  initialize: base.initialize,
  updateFile: base.updateFile,
  getHover: base.getHover,
  /** Forgets an editor's file when the editor goes away, so it stops being part of the program. */
  closeFile(path: string) {
    base.getEnv()?.deleteFile(path);
  },
  getDiagnostics(path: string) {
    const env = base.getEnv();
    return env ? candidateDiagnostics(ts, env.languageService, path) : [];
  },
  getCompletions(path: string, pos: number, explicit: boolean) {
    const env = base.getEnv();
    return env ? completionsAt(ts, env, path, pos, explicit) : null;
  },
};

export type TypeScriptWorkerApi = typeof api;

Comlink.expose(api);
