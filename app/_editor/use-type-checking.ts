"use client";
// Starts type checking for one editor once the page is idle, and reports what the status line shows.
// The editor is usable (highlighting, typing) from the first paint; the extensions join when ready.
import type { Extension } from "@codemirror/state";
import { useEffect, useState } from "react";

export type TypeCheckStatus = { state: "off" } | { state: "loading" } | { state: "ready"; errors: number | null } | { state: "unavailable"; reason: string };

const NO_EXTENSION: Extension = [];

/** requestIdleCallback where the browser has it (Safari does not): after first paint either way. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 200);
  return () => window.clearTimeout(handle);
}

export function useTypeChecking(editorId: string, enabled: boolean): { extension: Extension; status: TypeCheckStatus } {
  const [extension, setExtension] = useState<Extension>(NO_EXTENSION);
  const [status, setStatus] = useState<TypeCheckStatus>(enabled ? { state: "loading" } : { state: "off" });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    const onChecked = (errors: number) => {
      if (!cancelled) setStatus({ state: "ready", errors });
    };
    const cancelIdle = whenIdle(() => {
      import("./type-checking")
        .then((m) => m.typeChecking(editorId, onChecked))
        .then((checking) => {
          if (cancelled) return checking.dispose();
          dispose = checking.dispose;
          setExtension(checking.extension);
          setStatus((s) => (s.state === "loading" ? { state: "ready", errors: null } : s));
        })
        .catch((e: unknown) => {
          if (!cancelled) setStatus({ state: "unavailable", reason: e instanceof Error ? e.message : String(e) });
        });
    });
    return () => {
      cancelled = true;
      cancelIdle();
      dispose?.();
      setExtension(NO_EXTENSION);
    };
  }, [editorId, enabled]);

  return { extension, status };
}
