"use client";
// CodeMirror 6 with TypeScript highlighting, bundled with the app (no CDN). The editable area gets an
// accessible name; Escape then Tab leaves the editor (CodeMirror's own keyboard escape hatch).
import { javascript } from "@codemirror/lang-javascript";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";

interface Props {
  value: string;
  onChange(value: string): void;
  label: string;
}

export function CodeEditor({ value, onChange, label }: Props) {
  const extensions = useMemo(() => [javascript({ typescript: true }), EditorView.contentAttributes.of({ "aria-label": label })], [label]);
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      minHeight="16rem"
      maxHeight="70vh"
      basicSetup={{ tabSize: 2 }}
      className="overflow-hidden rounded border border-slate-300 text-sm"
    />
  );
}
