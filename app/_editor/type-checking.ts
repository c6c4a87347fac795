// The editor's side of the TypeScript worker: CodeMirror extensions for diagnostics (underline, gutter,
// lint panel), completion and hover, each asking the worker over Comlink. Loaded with import() once the
// page is idle, so neither this module nor TypeScript delays the problem page's first paint.
import { autocompletion, type CompletionSource } from "@codemirror/autocomplete";
import { linter, lintGutter } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import * as Comlink from "comlink";
import { solutionPath } from "./candidate-program";
import { quickInfoDom } from "./quick-info";
import type { TypeScriptWorkerApi } from "./typescript.worker";

type Remote = Comlink.Remote<TypeScriptWorkerApi>;

let shared: Promise<Remote> | undefined;

/** One worker per page, shared by every editor on it: TypeScript and its lib files load once. */
function typeScriptWorker(): Promise<Remote> {
  shared ??= (async () => {
    const worker = new Worker(new URL("./typescript.worker.ts", import.meta.url), { type: "module", name: "typescript" });
    const remote = Comlink.wrap<TypeScriptWorkerApi>(worker);
    try {
      await remote.initialize();
      return remote;
    } catch (e) {
      worker.terminate();
      shared = undefined; // the next editor may try again (a network blip, a session that came back)
      throw e;
    }
  })();
  return shared;
}

/** Mirrors the document into the worker: the first update (this extension being installed) and every edit after. */
function sync(remote: Remote, path: string): Extension {
  let first = true;
  return EditorView.updateListener.of((update) => {
    if (!update.docChanged && !first) return;
    first = false;
    void remote.updateFile({ path, code: update.state.doc.toString() });
  });
}

function diagnostics(remote: Remote, path: string, onChecked: (errors: number) => void): Extension {
  return linter(
    async () => {
      const found = await remote.getDiagnostics(path);
      onChecked(found.length);
      return found.map((d) => ({ from: d.from, to: d.to, severity: "error" as const, message: d.message, source: `ts(${d.code})` }));
    },
    { delay: 400 },
  );
}

function completions(remote: Remote, path: string): CompletionSource {
  return async (context) => {
    const result = await remote.getCompletions(path, context.pos, context.explicit);
    // While the cursor stays in one identifier, CodeMirror filters this list itself instead of asking again.
    return result && { ...result, validFor: /^[\w$]*$/ };
  };
}

function hover(remote: Remote, path: string): Extension {
  return hoverTooltip(async (_view, pos) => {
    const info = await remote.getHover({ path, pos });
    if (!info?.quickInfo) return null;
    const quickInfo = info.quickInfo;
    return { pos: info.start, end: info.end, above: true, create: () => ({ dom: quickInfoDom(quickInfo) }) };
  });
}

export interface TypeChecking {
  extension: Extension;
  /** Drops the editor's file from the worker's program. */
  dispose(): void;
}

/** Waits for the worker, then gives the extensions for one editor (its own file, solutionPath(editorId)). */
export async function typeChecking(editorId: string, onChecked: (errors: number) => void): Promise<TypeChecking> {
  const remote = await typeScriptWorker();
  const path = solutionPath(editorId);
  return {
    extension: [sync(remote, path), diagnostics(remote, path, onChecked), lintGutter(), autocompletion({ override: [completions(remote, path)] }), hover(remote, path)],
    dispose: () => void remote.closeFile(path),
  };
}
