"use client";
// CodeMirror 6 with TypeScript highlighting, bundled with the app (no CDN). The editable area gets an
// accessible name; Escape then Tab leaves the editor (CodeMirror's own keyboard escape hatch).
// With typeCheck (the default), a TypeScript worker checks the code against the same lib and runtime
// declarations as the grader (app/_editor): error underlines, completion and hover types join once it
// has loaded; until then the editor is a plain highlighting editor.
import { javascript } from "@codemirror/lang-javascript";
import { openLintPanel } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo, useRef, useState } from "react";
import { TypeCheckStatusLine } from "../_editor/type-check-status";
import { useTypeChecking } from "../_editor/use-type-checking";

interface Props {
  value: string;
  onChange(value: string): void;
  label: string;
  /** Check as a candidate's solution.ts. Off for code the grader compiles otherwise (drivers, checkers). */
  typeCheck?: boolean;
}

let editorCount = 0;

export function CodeEditor({ value, onChange, label, typeCheck = true }: Props) {
  // Each editor owns one file in the shared worker (several editors share the admin's problem page).
  const [editorId] = useState(() => `editor-${++editorCount}`);
  const view = useRef<EditorView | null>(null);
  const { extension: typeChecking, status } = useTypeChecking(editorId, typeCheck);
  const extensions = useMemo(() => [javascript({ typescript: true }), EditorView.contentAttributes.of({ "aria-label": label }), typeChecking], [label, typeChecking]);
  return (
    <div className="space-y-1">
      <CodeMirror
        value={value}
        onChange={onChange}
        onCreateEditor={(created) => (view.current = created)}
        extensions={extensions}
        minHeight="16rem"
        maxHeight="70vh"
        basicSetup={{ tabSize: 2 }}
        className="overflow-hidden rounded border border-slate-300 text-sm"
      />
      <TypeCheckStatusLine status={status} onShowErrors={() => view.current && openLintPanel(view.current)} />
    </div>
  );
}
